/** Row ids are 32-bit integers in both engines (PostgreSQL's `integer`): a larger number names no row. */
export const MAX_ID = 2_147_483_647;
