/**
 * The item's optional text fields, in the order the page shows them: the detail view shows each one that is set
 * (`paragraph` under the title, `fact` as a line of the facts), the event form edits each (after the title), the
 * history names each. Adding such a field to the page is one entry here.
 */
export const ITEM_TEXT_FIELDS = [
  { key: 'summary', label: 'Summary', hint: 'Optional', multiline: true, show: 'paragraph' },
];
