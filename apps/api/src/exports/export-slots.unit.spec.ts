import { describe, expect, it } from '@jest/globals';
import { EventEmitter } from 'node:events';
import type { FastifyReply } from 'fastify';
import type { AppConfig } from '@libs/platform';
import { ExportSlots } from './export-slots';

/** A reply as ExportSlots sees it: its raw response closes once (sent, failed, or the client left). */
const aReply = ({ gone = false } = {}) => {
  const raw = new EventEmitter();
  const request = { raw: { socket: { destroyed: gone } } };
  return { reply: { raw, request } as unknown as FastifyReply, close: () => raw.emit('close') };
};
const slotsOf = (exportsMax: number, exportsQueue: number) =>
  new ExportSlots({ exportsMax, exportsQueue } as AppConfig);

describe('ExportSlots', () => {
  it('runs up to exportsMax at once and hands each freed slot to the longest waiting, in arrival order', async () => {
    const slots = slotsOf(2, 3);
    const [a, b, c, d] = [aReply(), aReply(), aReply(), aReply()];
    expect(await slots.take(a.reply)).toBe('ready');
    expect(await slots.take(b.reply)).toBe('ready');
    const turns: string[] = [];
    const cTurn = slots.take(c.reply).then((turn) => turns.push(`c ${turn}`));
    const dTurn = slots.take(d.reply).then((turn) => turns.push(`d ${turn}`));
    expect(slots.stats).toEqual({ running: 2, waiting: 2 });
    b.close();
    await cTurn;
    expect(turns).toEqual(['c ready']);
    expect(slots.stats).toEqual({ running: 2, waiting: 1 });
    a.close();
    await dTurn;
    expect(turns).toEqual(['c ready', 'd ready']);
    c.close();
    d.close();
    expect(slots.stats).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses at once when exportsQueue are waiting already', async () => {
    const slots = slotsOf(1, 1);
    expect(await slots.take(aReply().reply)).toBe('ready');
    void slots.take(aReply().reply);
    expect(await slots.take(aReply().reply)).toBe('full');
    expect(slots.stats).toEqual({ running: 1, waiting: 1 });
  });

  it('drops a waiter whose client leaves, and never gives it a slot', async () => {
    const slots = slotsOf(1, 2);
    const running = aReply();
    const [leaving, staying] = [aReply(), aReply()];
    expect(await slots.take(running.reply)).toBe('ready');
    const left = slots.take(leaving.reply);
    const stays = slots.take(staying.reply);
    leaving.close();
    expect(await left).toBe('left');
    expect(slots.stats).toEqual({ running: 1, waiting: 1 });
    running.close();
    expect(await stays).toBe('ready');
    expect(slots.stats).toEqual({ running: 1, waiting: 0 });
  });

  it('takes no slot for a client gone before its turn was asked for', async () => {
    const slots = slotsOf(1, 1);
    expect(await slots.take(aReply({ gone: true }).reply)).toBe('left');
    expect(slots.stats).toEqual({ running: 0, waiting: 0 });
  });
});
