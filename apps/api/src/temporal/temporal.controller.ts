import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { extract, resolve } from '@libs/temporal';
import { TextField } from '../http/field-rules';
import { IsCalendarDate } from '../http/validators';
import { DIRECTIONS, IsDirection } from '../admin/source.request.dto';
import { ApiErrors } from '../openapi/error-body.schema';
import { TemporalExtractionSchema, TemporalResolutionSchema } from '../openapi/temporal.schema';
import { ExtractRequestDto } from './extract.request.dto';

export class ResolveRequestDto {
  @TextField('expression', { description: 'A date expression, Arabic or English', example: 'الأسبوع الماضي' })
  expression!: string;

  @ApiProperty({ format: 'date', description: 'The day the expression is relative to', example: '2023-11-01' })
  @IsCalendarDate()
  anchor!: string;

  @ApiPropertyOptional({ enum: [...DIRECTIONS], enumName: 'Direction', default: 'past' })
  @IsOptional()
  @IsDirection()
  direction?: 'past' | 'future';
}

/** Public: try the resolver, e.g. {"expression": "الأسبوع الماضي", "anchor": "2023-11-01"}. */
@ApiTags('Temporal')
@Controller('api/temporal')
export class TemporalController {
  @Post('resolve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resolve a date expression against an anchor day' })
  @ApiOkResponse({ type: TemporalResolutionSchema })
  @ApiErrors({
    400: true,
    413: true,
    415: true,
    422: 'The expression cannot be resolved (code TEMPORAL.UNRESOLVABLE)',
  })
  resolve(@Body() body: ResolveRequestDto) {
    const direction = body.direction ?? 'past';
    // An unresolvable expression throws TEMPORAL.UNRESOLVABLE, which the error filter answers with 422.
    return {
      expression: body.expression,
      anchor: body.anchor,
      direction,
      ...resolve(body.expression, body.anchor, direction),
    };
  }

  @Post('extract')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Find and resolve every calendar expression in a text',
    description:
      'Each mention gives its words, UTF-16 offsets into the text, the resolution (TIMEX3 value, days, precision, ' +
      'direction), the cue word that set the direction, and for ambiguous mentions the readings not chosen.',
  })
  @ApiOkResponse({ type: TemporalExtractionSchema })
  @ApiErrors({ 400: true, 413: true, 415: true })
  extract(@Body() body: ExtractRequestDto) {
    return extract(body.text, body.anchor, body.language);
  }
}
