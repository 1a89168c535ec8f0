package org.edgeway.services.security;

/** The rules an administrator password must meet; one place for the console, the API and first login. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    /** Null when acceptable, otherwise why not. */
    public static String problem(String password, String accountName) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "must be at least " + MIN_LENGTH + " characters";
        }
        if (password.length() > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters";
        }
        if (password.equalsIgnoreCase(accountName)) {
            return "must not be the account name";
        }
        long classes = password.chars().map(c -> Character.isDigit(c) ? 1 : Character.isUpperCase(c) ? 2
                : Character.isLowerCase(c) ? 3 : 4).distinct().count();
        if (classes < 2) {
            return "must mix at least two of: lower case, upper case, digits, symbols";
        }
        return null;
    }
}
