/* desk-database.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "desk-types.h"

G_BEGIN_DECLS

#define DESK_DATABASE_ERROR (desk_database_error_quark ())

typedef enum
{
  DESK_DATABASE_ERROR_OPEN,
  DESK_DATABASE_ERROR_NOT_DATABASE,
  DESK_DATABASE_ERROR_TOO_NEW,
  DESK_DATABASE_ERROR_BUSY,
  DESK_DATABASE_ERROR_CONSTRAINT,
  DESK_DATABASE_ERROR_FULL,
  DESK_DATABASE_ERROR_READ_ONLY,
  DESK_DATABASE_ERROR_FAILED,
  DESK_DATABASE_ERROR_DUPLICATE,
} DeskDatabaseError;

/* A prepared statement borrowed from the database's cache; g_autoptr resets it for reuse. */
typedef sqlite3_stmt DeskStatement;

/**
 * DeskDatabaseSchema:
 * @application_id: what PRAGMA application_id says of a file of this kind
 * @migrations: the SQL of each migration; migration N turns schema N-1 into schema N
 * @n_migrations: how many there are: the latest schema
 *
 * A kind of database DeskDatabase opens.
 */
typedef struct
{
  guint32             application_id;
  const char * const *migrations;
  guint               n_migrations;
} DeskDatabaseSchema;

#define DESK_TYPE_DATABASE (desk_database_get_type())

G_DECLARE_FINAL_TYPE (DeskDatabase, desk_database, DESK, DATABASE, GObject)

GQuark          desk_database_error_quark         (void);
char           *desk_database_get_default_path    (void);
DeskDatabase   *desk_database_open                (const char     *path,
                                                   GError        **error);
DeskDatabase   *desk_database_open_schema         (const char     *path,
                                                   const DeskDatabaseSchema *schema,
                                                   GError        **error);
DeskDatabase   *desk_database_open_default        (GError        **error);
DeskDatabase   *desk_database_open_reader         (DeskDatabase   *self,
                                                   GError        **error);
const char     *desk_database_get_path            (DeskDatabase   *self);
int             desk_database_get_schema_version  (DeskDatabase   *self);
int             desk_database_get_latest_version  (void);
sqlite3        *desk_database_get_handle          (DeskDatabase   *self);
void            desk_database_lock                (DeskDatabase   *self);
void            desk_database_unlock              (DeskDatabase   *self);
DeskStatement  *desk_database_prepare             (DeskDatabase   *self,
                                                   const char     *sql,
                                                   GError        **error);
gboolean        desk_database_exec                (DeskDatabase   *self,
                                                   const char     *sql,
                                                   GError        **error);
gboolean        desk_database_step                (DeskDatabase   *self,
                                                   DeskStatement  *stmt,
                                                   gboolean       *has_row,
                                                   GError        **error);
int             desk_database_set_cache_size      (DeskDatabase   *self,
                                                   int             kib);
gboolean        desk_database_begin               (DeskDatabase   *self,
                                                   GError        **error);
gboolean        desk_database_commit              (DeskDatabase   *self,
                                                   GError        **error);
void            desk_database_rollback            (DeskDatabase   *self);
void            desk_database_set_error           (DeskDatabase   *self,
                                                   GError        **error,
                                                   int             rc,
                                                   const char     *context);

void            desk_statement_release            (DeskStatement  *stmt);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskStatement, desk_statement_release)

G_END_DECLS
