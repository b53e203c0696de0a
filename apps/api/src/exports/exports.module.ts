import { Module } from '@nestjs/common';

/** Timeline exports: iCalendar, TimelineJS, CSV (same filters as /api/timeline). */
@Module({})
export class ExportsModule {}
