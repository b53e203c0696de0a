import type { ReadModel } from '../projection';
import { GetEventHandler } from './event.query';
import { CountTimelineHandler } from './timeline-count.query';
import { GetTimelineStatsHandler } from './timeline-stats.query';
import { GetTimelineHandler } from './timeline.handler';
import { TimelineProjection } from './timeline.projection';

export const TIMELINE_READ_MODEL: ReadModel = {
  projection: TimelineProjection,
  handlers: [GetTimelineHandler, CountTimelineHandler, GetTimelineStatsHandler, GetEventHandler],
};
