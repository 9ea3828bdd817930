package com.cloudbees.plugins.credentials;

public interface CredentialsMatcher {}
