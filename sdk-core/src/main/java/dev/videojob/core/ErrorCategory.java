package dev.videojob.core;

/** Why a job failed, in terms an application can act on. */
public enum ErrorCategory {
  /** The content was refused by moderation (NSFW, policy); retrying the same prompt will not help. */
  MODERATION,
  /** The input was rejected (bad source video, unreadable image, invalid scene). */
  INVALID_INPUT,
  /** The account has no credits or no subscription for this. */
  INSUFFICIENT_CREDITS,
  /** The provider failed internally (render crash, upstream model error); a retry may succeed. */
  PROVIDER_INTERNAL,
  /** The provider gave up after its own time limit; a retry may succeed. */
  TIMEOUT,
  /** The job or its outputs expired before they were collected. */
  EXPIRED,
  /** The job was canceled. */
  CANCELED,
  /** The provider gave no reason this SDK recognises. */
  UNKNOWN
}
