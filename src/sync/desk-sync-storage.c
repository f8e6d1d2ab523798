/* desk-sync-storage.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-sync-storage"

#include "config.h"

#include "desk-sync-storage.h"

G_DEFINE_INTERFACE (DeskSyncStorage, desk_sync_storage, G_TYPE_OBJECT)

static void
desk_sync_storage_default_init (DeskSyncStorageInterface *iface)
{
}

void
desk_sync_log_entry_free (DeskSyncLogEntry *entry)
{
  g_free (entry->entry);
  g_free (entry);
}

void
desk_sync_record_state_free (DeskSyncRecordState *state)
{
  g_free (state->kind);
  g_clear_pointer (&state->fields, json_object_unref);
  g_free (state);
}

/* Returns: (transfer none): the UUID the storage was given when it was created */
const char *
desk_sync_storage_get_server_id (DeskSyncStorage *self)
{
  g_return_val_if_fail (DESK_IS_SYNC_STORAGE (self), NULL);

  return DESK_SYNC_STORAGE_GET_IFACE (self)->get_server_id (self);
}

gboolean
desk_sync_storage_begin (DeskSyncStorage  *self,
                         GError          **error)
{
  g_return_val_if_fail (DESK_IS_SYNC_STORAGE (self), FALSE);

  return DESK_SYNC_STORAGE_GET_IFACE (self)->begin (self, error);
}

gboolean
desk_sync_storage_commit (DeskSyncStorage  *self,
                          GError          **error)
{
  g_return_val_if_fail (DESK_IS_SYNC_STORAGE (self), FALSE);

  return DESK_SYNC_STORAGE_GET_IFACE (self)->commit (self, error);
}

void
desk_sync_storage_rollback (DeskSyncStorage *self)
{
  g_return_if_fail (DESK_IS_SYNC_STORAGE (self));

  DESK_SYNC_STORAGE_GET_IFACE (self)->rollback (self);
}

/* @revision: (out): the latest revision of the log, 0 when it is empty */
gboolean
desk_sync_storage_get_revision (DeskSyncStorage  *self,
                                gint64           *revision,
                                GError          **error)
{
  g_return_val_if_fail (DESK_IS_SYNC_STORAGE (self), FALSE);

  return DESK_SYNC_STORAGE_GET_IFACE (self)->get_revision (self, revision, error);
}

/* @answer: (out) (transfer full) (nullable): the answer given to @batch, %NULL if it is new */
gboolean
desk_sync_storage_find_batch (DeskSyncStorage  *self,
                              const char       *batch,
                              char            **answer,
                              GError          **error)
{
  g_return_val_if_fail (DESK_IS_SYNC_STORAGE (self), FALSE);

  return DESK_SYNC_STORAGE_GET_IFACE (self)->find_batch (self, batch, answer, error);
}

gboolean
desk_sync_storage_put_batch (DeskSyncStorage  *self,
                             const char       *batch,
                             const char       *answer,
                             GError          **error)
{
  g_return_val_if_fail (DESK_IS_SYNC_STORAGE (self), FALSE);

  return DESK_SYNC_STORAGE_GET_IFACE (self)->put_batch (self, batch, answer, error);
}

/* @revision: (out): the revision the change @id got, 0 if the log does not have it */
gboolean
desk_sync_storage_find_change (DeskSyncStorage  *self,
                               const char       *id,
                               gint64           *revision,
                               GError          **error)
{
  g_return_val_if_fail (DESK_IS_SYNC_STORAGE (self), FALSE);

  return DESK_SYNC_STORAGE_GET_IFACE (self)->find_change (self, id, revision, error);
}

/* @state: (out) (transfer full) (nullable): the record, %NULL if the server never saw it */
gboolean
desk_sync_storage_get_record (DeskSyncStorage      *self,
                              const char           *uuid,
                              DeskSyncRecordState **state,
                              GError              **error)
{
  g_return_val_if_fail (DESK_IS_SYNC_STORAGE (self), FALSE);

  return DESK_SYNC_STORAGE_GET_IFACE (self)->get_record (self, uuid, state, error);
}

/* @state: (transfer full): what the record holds now */
gboolean
desk_sync_storage_put_record (DeskSyncStorage      *self,
                              const char           *uuid,
                              DeskSyncRecordState  *state,
                              GError              **error)
{
  g_return_val_if_fail (DESK_IS_SYNC_STORAGE (self), FALSE);

  return DESK_SYNC_STORAGE_GET_IFACE (self)->put_record (self, uuid, state, error);
}

/**
 * desk_sync_storage_append:
 * @change_id: (nullable): the change the entry carries, for desk_sync_storage_find_change()
 * @entry: the entry as JSON, without its revision
 * @rows: (nullable): the rows of an accounts entry
 * @revision: (out): the entry's revision
 *
 * Appends an entry to the log.
 */
gboolean
desk_sync_storage_append (DeskSyncStorage  *self,
                          const char       *change_id,
                          const char       *entry,
                          GBytes           *rows,
                          gint64           *revision,
                          GError          **error)
{
  g_return_val_if_fail (DESK_IS_SYNC_STORAGE (self), FALSE);

  return DESK_SYNC_STORAGE_GET_IFACE (self)->append (self, change_id, entry, rows, revision,
                                                     error);
}

/**
 * desk_sync_storage_read_log:
 *
 * Returns: (transfer full) (element-type DeskSyncLogEntry): up to @limit entries after revision
 *   @since, oldest first, or %NULL with @error set
 */
GPtrArray *
desk_sync_storage_read_log (DeskSyncStorage  *self,
                            gint64            since,
                            guint             limit,
                            GError          **error)
{
  g_return_val_if_fail (DESK_IS_SYNC_STORAGE (self), NULL);

  return DESK_SYNC_STORAGE_GET_IFACE (self)->read_log (self, since, limit, error);
}

/**
 * desk_sync_storage_read_rows:
 * @entry: (out) (transfer full) (nullable): the accounts entry at @revision, %NULL if there is
 *   none
 * @rows: (out) (transfer full) (nullable): its rows
 */
gboolean
desk_sync_storage_read_rows (DeskSyncStorage  *self,
                             gint64            revision,
                             char            **entry,
                             GBytes          **rows,
                             GError          **error)
{
  g_return_val_if_fail (DESK_IS_SYNC_STORAGE (self), FALSE);

  return DESK_SYNC_STORAGE_GET_IFACE (self)->read_rows (self, revision, entry, rows, error);
}
