package com.cloudbees.plugins.credentials;

import java.io.Serializable;

/** Stand-in of credentials' {@code CredentialsScope}. */
public enum CredentialsScope implements Serializable {
    GLOBAL
}
