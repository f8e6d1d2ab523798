/* desk-sync-sqlite-storage.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-sync-storage.h"

G_BEGIN_DECLS

#define DESK_TYPE_SYNC_SQLITE_STORAGE (desk_sync_sqlite_storage_get_type())

G_DECLARE_FINAL_TYPE (DeskSyncSqliteStorage, desk_sync_sqlite_storage, DESK, SYNC_SQLITE_STORAGE,
                      GObject)

DeskSyncStorage *desk_sync_sqlite_storage_open (const char  *path,
                                                GError     **error);

G_END_DECLS
