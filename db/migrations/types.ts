/** One schema change. Statements run in order inside one transaction. */
export interface Migration {
  name: string;
  statements: readonly string[];
}
