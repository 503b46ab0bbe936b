/**
 * An error whose message is already the reason a person reads in the report (an archive that ends
 * early, an entry that expands too much): readers report it as it is, with no prefix.
 */
export class ReadFailure extends Error {}
