package org.edgeway.services.certificates;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;

/** Whether a certificate's public key belongs to a private key (RSA: same modulus and public exponent). */
final class KeyPairs {

    private KeyPairs() {
    }

    static boolean match(PublicKey publicKey, PrivateKey privateKey) {
        return publicKey instanceof RSAPublicKey pub && privateKey instanceof RSAPrivateCrtKey priv
                && pub.getModulus().equals(priv.getModulus())
                && pub.getPublicExponent().equals(priv.getPublicExponent());
    }
}
