// Limits the server enforces (see domain/identity.go), checked in forms before sending so that
// the user learns of them at once and in their language.

/** The length of a password (domain.MinPasswordLength, MaxPasswordLength). */
export const passwordLength = { min: 12, max: 128 } as const;
/** The longest a token may live, in days (domain.MaxTokenDays). */
export const maxTokenDays = 365;
/** The longest name of a token (domain.maxTokenName). */
export const maxTokenName = 100;
