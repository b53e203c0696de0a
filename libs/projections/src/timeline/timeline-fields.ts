import type { DiplomaticEventFacts } from '@libs/diplomacy';

/** How a field is described in the OpenAPI item schema (the subset of `@ApiProperty` options the fields use). */
export interface FieldSchema {
  type: StringConstructor | NumberConstructor | BooleanConstructor;
  nullable?: boolean;
  description?: string;
  example?: string;
  format?: string;
}

interface ItemField {
  /** The timeline_versions column (and CSV column) that holds it. */
  readonly column: string;
  /** Its SQL type, as the column is declared in the migration. */
  readonly sql: 'text';
  readonly schema: FieldSchema;
}

/**
 * The facts the timeline copies unchanged: fact → column of the row → property of the item (and of the OpenAPI
 * schema, and a CSV column), in this order everywhere. Adding such a fact to the item is one entry here (and its
 * migration); the projection's SQL column lists, the query's select list and the item mapping are derived from it.
 */
export const ITEM_FIELDS = {
  title: { column: 'title', sql: 'text', schema: { type: String } },
  summary: { column: 'summary', sql: 'text', schema: { type: String, nullable: true } },
} as const satisfies Partial<Record<keyof DiplomaticEventFacts, ItemField>>;

export type ItemFieldName = keyof typeof ITEM_FIELDS;
/** The fields as the item (and the facts) name them; the item always has each (null when the facts lack it). */
export type ItemFields = { [K in ItemFieldName]-?: Exclude<DiplomaticEventFacts[K], undefined> };
/** The fields as the row (the table's columns) names them. */
export type ItemFieldColumns = { [K in ItemFieldName as (typeof ITEM_FIELDS)[K]['column']]: ItemFields[K] };

export const ITEM_FIELD_NAMES = Object.keys(ITEM_FIELDS) as ItemFieldName[];
export const ITEM_FIELD_COLUMNS: readonly string[] = ITEM_FIELD_NAMES.map((name) => ITEM_FIELDS[name].column);

/** `prefix.column, …` for a select or RETURNING list; `column type, …` for a jsonb_to_recordset definition. */
export const itemFieldList = (prefix = ''): string => ITEM_FIELD_COLUMNS.map((c) => `${prefix}${c}`).join(', ');
export const itemFieldDefinitions = (): string =>
  ITEM_FIELD_NAMES.map((name) => `${ITEM_FIELDS[name].column} ${ITEM_FIELDS[name].sql}`).join(', ');

export function fieldsToColumns(fields: Pick<DiplomaticEventFacts, ItemFieldName>): ItemFieldColumns {
  return Object.fromEntries(
    ITEM_FIELD_NAMES.map((name) => [ITEM_FIELDS[name].column, fields[name] ?? null]),
  ) as ItemFieldColumns;
}

export function columnsToFields(row: ItemFieldColumns): ItemFields {
  const columns = row as unknown as Record<string, unknown>;
  return Object.fromEntries(
    ITEM_FIELD_NAMES.map((name) => [name, columns[ITEM_FIELDS[name].column] ?? null]),
  ) as ItemFields;
}
