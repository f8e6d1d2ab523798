/* desk-sync-enums.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * DeskSyncState:
 * @DESK_SYNC_STATE_IDLE: no sync has run yet
 * @DESK_SYNC_STATE_SYNCING: a sync is running; see #DeskSyncClient:progress
 * @DESK_SYNC_STATE_UP_TO_DATE: the last sync went through
 * @DESK_SYNC_STATE_CONFLICTS: the last sync went through, and fields wait for a choice
 * @DESK_SYNC_STATE_OFFLINE: the server could not be reached
 * @DESK_SYNC_STATE_ERROR: the last sync failed; see #DeskSyncClient:message
 *
 * Where the sync stands, for a status indicator.
 */
typedef enum
{
  DESK_SYNC_STATE_IDLE,
  DESK_SYNC_STATE_SYNCING,
  DESK_SYNC_STATE_UP_TO_DATE,
  DESK_SYNC_STATE_CONFLICTS,
  DESK_SYNC_STATE_OFFLINE,
  DESK_SYNC_STATE_ERROR,
} DeskSyncState;

G_END_DECLS
