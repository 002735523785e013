"""Pure rules of the safety officer's work: no Qt, no SQL, testable with plain values."""
