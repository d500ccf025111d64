import { Module } from '@nestjs/common';
import { Directory } from './directory';
import { EmailReadiness } from './email-readiness';
import { RateLimits } from './rate-limits';

@Module({
  providers: [Directory, EmailReadiness, RateLimits],
  exports: [Directory, EmailReadiness, RateLimits],
})
export class CommonModule {}
