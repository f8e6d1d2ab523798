/* desk-store-private.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-store.h"

G_BEGIN_DECLS

/* For the list models of core, which read records with their own queries. */
char       *_desk_store_columns          (GType           type,
                                          const char     *alias,
                                          int            *n_columns);
DeskRecord *_desk_record_from_statement  (GType           type,
                                          DeskStatement  *stmt,
                                          int             first);

/* For the sync (desk-store-sync.c), which writes records and audit lines as the store does. */
gboolean    _desk_store_write_row        (DeskStore      *self,
                                          DeskRecord     *record,
                                          const char     *verb,
                                          GError        **error);
gboolean    _desk_store_append_audit     (DeskStore      *self,
                                          DeskRecord     *record,
                                          const char     *action,
                                          const char     *before,
                                          const char     *after,
                                          GError        **error);
gboolean    _desk_store_assign_category_bit (DeskStore   *self,
                                          DeskRecord     *category,
                                          GError        **error);
char       *_desk_store_fields_json      (DeskStore      *self,
                                          DeskRecord     *record,
                                          DeskRecord     *other);
gboolean    _desk_store_check_unique     (DeskStore      *self,
                                          DeskRecord     *record,
                                          GError        **error);

/* Lines per row of account_directory (see migration 2 in desk-database.c). */
#define DESK_ACCOUNT_DIRECTORY_BLOCK 2048

/* For the writers of accounts: desk-store-accounts.c */
typedef struct _DeskAccountWriter DeskAccountWriter;

typedef enum
{
  DESK_ACCOUNT_FAILED,
  DESK_ACCOUNT_ADDED,
  DESK_ACCOUNT_UPDATED,
  DESK_ACCOUNT_UNCHANGED,
} DeskAccountChange;

DeskAccountWriter *_desk_account_writer_new   (DeskStore          *store,
                                               gint64              incident_id,
                                               GError            **error);
DeskAccountChange _desk_account_writer_add    (DeskAccountWriter  *writer,
                                               const char         *identifier,
                                               gint64              customer_id,
                                               DeskExposure        exposure,
                                               gint64              categories,
                                               GError            **error);
gboolean    _desk_account_writer_merge        (DeskAccountWriter  *writer,
                                               const char         *identifier,
                                               gint64              customer_id,
                                               gint64              categories,
                                               DeskExposure        exposure,
                                               gint64              found_at,
                                               GError            **error);
void        _desk_account_writer_defer_directory (DeskAccountWriter *writer);
gboolean    _desk_account_writer_finish       (DeskAccountWriter  *writer,
                                               GError            **error);
void        _desk_account_writer_free         (DeskAccountWriter  *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskAccountWriter, _desk_account_writer_free)

gboolean    _desk_store_rebuild_account_directories (DeskStore   *self,
                                                     GError     **error);
gboolean    _desk_store_roll_up_contract         (DeskStore      *self,
                                                  DeskAffected   *affected,
                                                  gint64          categories,
                                                  gboolean        confirmed,
                                                  GError        **error);

/* The deadlines' part of the save path and of the figures (desk-store-deadlines.c). */
gboolean    _desk_store_before_write             (DeskStore      *self,
                                                  DeskRecord     *stored,
                                                  DeskRecord     *record,
                                                  GError        **error);
gboolean    _desk_store_after_write              (DeskStore      *self,
                                                  DeskRecord     *stored,
                                                  DeskRecord     *record,
                                                  GError        **error);
gboolean    _desk_store_count_overdue_of         (DeskStore      *self,
                                                  gint64          incident_id,
                                                  gint64         *obligations,
                                                  gint64         *notices,
                                                  GError        **error);
gboolean    _desk_store_add_import_figure        (DeskStore      *self,
                                                  DeskIncident   *incident,
                                                  const char     *source_name,
                                                  GError        **error);

/* Work on a worker thread, as the store's _async functions do theirs. */
typedef gpointer (*DeskStoreWorkFunc) (DeskStore  *self,
                                       gpointer    data,
                                       GError    **error);

void        _desk_store_run_in_thread            (DeskStore           *self,
                                                  DeskStoreWorkFunc    work,
                                                  gpointer             data,
                                                  GDestroyNotify       data_free,
                                                  GDestroyNotify       result_free,
                                                  gpointer             source_tag,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gpointer    _desk_store_run_finish               (DeskStore           *self,
                                                  GAsyncResult        *result,
                                                  gpointer             source_tag,
                                                  GError             **error);

G_END_DECLS
