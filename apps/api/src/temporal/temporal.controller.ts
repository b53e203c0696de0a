import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { resolve } from '@libs/temporal';
import { IsCalendarDate, NoControlCharacters } from '../http/validators';
import { IsDirection } from '../admin/source.request.dto';

export class ResolveRequestDto {
  @IsString({ message: 'expression must be a string' })
  @IsNotEmpty({ message: 'expression must not be empty' })
  @MaxLength(200, { message: 'expression must be at most 200 characters' })
  @NoControlCharacters()
  expression!: string;

  @IsCalendarDate()
  anchor!: string;

  @IsOptional()
  @IsDirection()
  direction?: 'past' | 'future';
}

/** Public: try the resolver, e.g. {"expression": "الأسبوع الماضي", "anchor": "2023-11-01"}. */
@Controller('api/temporal')
export class TemporalController {
  @Post('resolve')
  @HttpCode(200)
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
