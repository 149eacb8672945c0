/**
 * An array grown by push keeps room for 16 more entries, and the garbage collector copies
 * everything the analysis still holds while it runs: lists the syntax tree keeps are copied to
 * their exact length once complete (an empty `[]` holds no room). One shared empty array would
 * save more, but it would have to be frozen, and `for … of` over a frozen array allocates.
 */
export function exact<T>(items: T[]): T[] {
  return items.length === 0 ? items : items.slice();
}
