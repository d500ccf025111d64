export { eventTokenConfig, EventTokens, EventTokensModule } from './event-tokens';
export { keyFrom, open, seal, sealingKey } from './sealing';
