/** What a person types is matched literally: % and _ are not wildcards here. */
export function literalLike(text: string): string;
export function literalLike(text: string | undefined): string | undefined;
export function literalLike(text: string | undefined): string | undefined {
  return text?.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `WHERE a AND b`, or nothing when no condition applies. */
export function whereClause(where: readonly string[]): string {
  return where.length ? `WHERE ${where.join(' AND ')}` : '';
}

/**
 * A filter's conditions as SQL with named parameters: a condition whose value is left empty (undefined or '') is
 * not a condition at all, so an empty filter reads every row.
 */
export class WhereBuilder {
  readonly where: string[] = [];
  readonly params: Record<string, unknown> = {};

  add(sql: string, key: string, value: string | number | undefined): this {
    if (value === undefined || value === '') return this;
    this.where.push(sql);
    this.params[key] = value;
    return this;
  }

  /** `column` contains the typed text, matched literally. */
  contains(column: string, key: string, text: string | undefined): this {
    return this.add(`${column} LIKE '%' || @${key} || '%' ESCAPE '\\'`, key, literalLike(text));
  }
}
