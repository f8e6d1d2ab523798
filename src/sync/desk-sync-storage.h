/* desk-sync-storage.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * DeskSyncLogEntry:
 * @revision: the entry's revision
 * @entry: the entry as JSON, without its revision
 *
 * An entry of the server's log, as the storage keeps it.
 */
typedef struct
{
  gint64  revision;
  char   *entry;
} DeskSyncLogEntry;

/**
 * DeskSyncRecordState:
 * @kind: the record's kind
 * @fields: its fields' values, as the wire has them
 * @deleted: its tombstone
 * @created_at: when it was created
 *
 * What the server holds of a record.
 */
typedef struct
{
  char       *kind;
  JsonObject *fields;
  gboolean    deleted;
  gint64      created_at;
} DeskSyncRecordState;

#define DESK_TYPE_SYNC_STORAGE (desk_sync_storage_get_type ())

G_DECLARE_INTERFACE (DeskSyncStorage, desk_sync_storage, DESK, SYNC_STORAGE, GObject)

/**
 * DeskSyncStorageInterface:
 *
 * Where the reference server keeps its log, the records' current values and the answers to the
 * batches it applied. The server holds the rules (docs/sync-api.md); a storage only keeps, in
 * transactions, so that another database (PostgreSQL for a larger team) is one more
 * implementation. Every method but begin() runs inside a transaction.
 */
struct _DeskSyncStorageInterface
{
  GTypeInterface parent_iface;

  const char *(*get_server_id)   (DeskSyncStorage      *self);
  gboolean    (*begin)           (DeskSyncStorage      *self,
                                  GError              **error);
  gboolean    (*commit)          (DeskSyncStorage      *self,
                                  GError              **error);
  void        (*rollback)        (DeskSyncStorage      *self);
  gboolean    (*get_revision)    (DeskSyncStorage      *self,
                                  gint64               *revision,
                                  GError              **error);
  gboolean    (*find_batch)      (DeskSyncStorage      *self,
                                  const char           *batch,
                                  char                **answer,
                                  GError              **error);
  gboolean    (*put_batch)       (DeskSyncStorage      *self,
                                  const char           *batch,
                                  const char           *answer,
                                  GError              **error);
  gboolean    (*find_change)     (DeskSyncStorage      *self,
                                  const char           *id,
                                  gint64               *revision,
                                  GError              **error);
  gboolean    (*get_record)      (DeskSyncStorage      *self,
                                  const char           *uuid,
                                  DeskSyncRecordState **state,
                                  GError              **error);
  gboolean    (*put_record)      (DeskSyncStorage      *self,
                                  const char           *uuid,
                                  DeskSyncRecordState  *state,
                                  GError              **error);
  gboolean    (*append)          (DeskSyncStorage      *self,
                                  const char           *change_id,
                                  const char           *entry,
                                  GBytes               *rows,
                                  gint64               *revision,
                                  GError              **error);
  GPtrArray  *(*read_log)        (DeskSyncStorage      *self,
                                  gint64                since,
                                  guint                 limit,
                                  GError              **error);
  gboolean    (*read_rows)       (DeskSyncStorage      *self,
                                  gint64                revision,
                                  char                **entry,
                                  GBytes              **rows,
                                  GError              **error);
};

const char *desk_sync_storage_get_server_id (DeskSyncStorage      *self);
gboolean    desk_sync_storage_begin         (DeskSyncStorage      *self,
                                             GError              **error);
gboolean    desk_sync_storage_commit        (DeskSyncStorage      *self,
                                             GError              **error);
void        desk_sync_storage_rollback      (DeskSyncStorage      *self);
gboolean    desk_sync_storage_get_revision  (DeskSyncStorage      *self,
                                             gint64               *revision,
                                             GError              **error);
gboolean    desk_sync_storage_find_batch    (DeskSyncStorage      *self,
                                             const char           *batch,
                                             char                **answer,
                                             GError              **error);
gboolean    desk_sync_storage_put_batch     (DeskSyncStorage      *self,
                                             const char           *batch,
                                             const char           *answer,
                                             GError              **error);
gboolean    desk_sync_storage_find_change   (DeskSyncStorage      *self,
                                             const char           *id,
                                             gint64               *revision,
                                             GError              **error);
gboolean    desk_sync_storage_get_record    (DeskSyncStorage      *self,
                                             const char           *uuid,
                                             DeskSyncRecordState **state,
                                             GError              **error);
gboolean    desk_sync_storage_put_record    (DeskSyncStorage      *self,
                                             const char           *uuid,
                                             DeskSyncRecordState  *state,
                                             GError              **error);
gboolean    desk_sync_storage_append        (DeskSyncStorage      *self,
                                             const char           *change_id,
                                             const char           *entry,
                                             GBytes               *rows,
                                             gint64               *revision,
                                             GError              **error);
GPtrArray  *desk_sync_storage_read_log      (DeskSyncStorage      *self,
                                             gint64                since,
                                             guint                 limit,
                                             GError              **error);
gboolean    desk_sync_storage_read_rows     (DeskSyncStorage      *self,
                                             gint64                revision,
                                             char                **entry,
                                             GBytes              **rows,
                                             GError              **error);

void        desk_sync_log_entry_free        (DeskSyncLogEntry     *entry);
void        desk_sync_record_state_free     (DeskSyncRecordState  *state);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskSyncRecordState, desk_sync_record_state_free)

G_END_DECLS
