import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ExportsController } from './exports.controller';
import { ExportSlots } from './export-slots';

/** Timeline exports: iCalendar, TimelineJS, CSV (same filters as /api/timeline). */
@Module({
  imports: [CqrsModule],
  controllers: [ExportsController],
  providers: [ExportSlots],
})
export class ExportsModule {}
