/** The moderators' pages list a page of rows at a time. */
export interface Paged<T> {
  items: T[];
  total: number;
  /** From 1. */
  page: number;
  pages: number;
}

export function pageCount(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}
