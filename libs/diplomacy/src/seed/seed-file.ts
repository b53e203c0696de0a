import type {
  DateInput,
  DiplomaticEventChangesInput,
  DiplomaticEventInput,
} from '../diplomatic-event/diplomatic-event.types';
import type { RegisterSourceInput } from '../source/register-source.command';

/** One article and the dated statements recorded from it: `data/seed/<key>.json`, the article text beside it. */
export interface SeedFile {
  key: string;
  source: Omit<RegisterSourceInput, 'text'> & { textFile?: string };
  events: (Omit<DiplomaticEventInput, 'source' | 'date'> & { key: string; date: DateInput; quote: string })[];
  corrections: { key: string; event: string; changes: DiplomaticEventChangesInput; reason: string }[];
}
