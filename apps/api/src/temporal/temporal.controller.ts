import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { resolve } from '@libs/temporal';
import { TextField } from '../http/field-rules';
import { IsCalendarDate } from '../http/validators';
import { DIRECTIONS, IsDirection } from '../admin/source.request.dto';
import { ApiErrors } from '../openapi/error-body.schema';
import { TemporalResolutionSchema } from '../openapi/temporal.schema';

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
}
