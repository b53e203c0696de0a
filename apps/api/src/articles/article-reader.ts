import { NotFoundException } from '@nestjs/common';
import type { PostgresEventStore } from '@libs/event-store';
import { decisionsOf, sourceStream, type ProposalDecision, type SourceRegistered } from '@libs/diplomacy';
import type { Proposal, ProposeInput } from '@libs/proposals';
import { errorBody } from '../http/error-body';
import { loadRegistry, loadText } from './article-store';
import { extractorOf } from './article-proposals';

export type Source = SourceRegistered['data'];

export function notFound(message: string, fields: Record<string, string>): NotFoundException {
  return new NotFoundException(errorBody(404, message, { fields }));
}

/** An article as the routes read it: its source event, its text (null once redacted), its decisions, a proposal. */
export class ArticleReader {
  constructor(private readonly store: PostgresEventStore) {}

  async source(sourceId: string): Promise<Source | undefined> {
    const [registered] = await this.store.readStream(sourceStream(sourceId), 1, 1);
    const data = registered?.type === 'SourceRegistered' ? (registered.data as Source) : undefined;
    return data?.textSha256 ? data : undefined;
  }

  async article(sourceId: string): Promise<{ source: Source; text: string | null }> {
    const source = await this.source(sourceId);
    if (!source) throw notFound(`No article ${sourceId}`, { sourceId: 'no article has this id' });
    return { source, text: await loadText(this.store.pool, source.textSha256 as string) };
  }

  async decisions(sourceId: string): Promise<Map<string, ProposalDecision>> {
    return decisionsOf(await this.store.readStream(sourceStream(sourceId)));
  }

  async input(source: Source, text: string): Promise<ProposeInput> {
    const registry = await loadRegistry(this.store.pool);
    const language = source.language === 'ar' || source.language === 'en' ? source.language : undefined;
    return { text, publishedAt: source.publishedAt.slice(0, 10), language, registry };
  }

  /**
   * The proposal as the version asked for proposes it; once decided, as the version of its decision did, so a
   * retry of the same decision repeats it exactly whatever the current version.
   */
  async proposal(sourceId: string, proposalId: string, extractor: string | undefined) {
    const asked = extractorOf(extractor);
    const { source, text } = await this.article(sourceId);
    if (text === null) throw notFound(`The text of article ${sourceId} was redacted`, { sourceId: 'text redacted' });
    const decided = (await this.decisions(sourceId)).get(proposalId);
    const { version, extractor: run } = decided ? extractorOf(decided.data.extractorVersion) : asked;
    const proposal: Proposal | undefined = run(await this.input(source, text)).proposals.find(
      (p) => p.id === proposalId,
    );
    if (!proposal) {
      throw notFound(`No proposal ${proposalId} in article ${sourceId} (${version})`, {
        proposalId: 'no such proposal',
      });
    }
    return { source, proposal, extractorVersion: version, decided };
  }
}
