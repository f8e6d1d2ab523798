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
gboolean    _desk_account_writer_finish       (DeskAccountWriter  *writer,
                                               GError            **error);
void        _desk_account_writer_free         (DeskAccountWriter  *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskAccountWriter, _desk_account_writer_free)

gboolean    _desk_store_roll_up_contract         (DeskStore      *self,
                                                  DeskAffected   *affected,
                                                  gint64          categories,
                                                  gboolean        confirmed,
                                                  GError        **error);

G_END_DECLS
