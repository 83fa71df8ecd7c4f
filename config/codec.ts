// The codec server's settings from configuration.
import { AesGcmCodec } from '../codec/aes-gcm-codec';
import type { Config } from './env';

export const codecOptions = (config: Config) => ({
  codec: new AesGcmCodec(config.keyRing),
  uiOrigins: config.CODEC_CORS_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean),
  trustLocalUi: config.CODEC_AUTH === 'local',
});
