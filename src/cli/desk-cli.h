/* desk-cli.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-store.h"

G_BEGIN_DECLS

/* Exit statuses of idesk. */
enum
{
  DESK_CLI_OK    = 0,
  DESK_CLI_ERROR = 1,   /* the command could not be done: unknown id, unreadable database… */
  DESK_CLI_USAGE = 2,   /* the command line itself is wrong */
};

typedef struct
{
  const char *name;       /* "incident add" */
  const char *summary;
  int       (*run)        (int argc, char **argv);
} DeskCliCommand;

/* Work on a worker thread that idesk waits for: see desk_cli_wait_init(). */
typedef struct
{
  GCancellable *cancellable;
  GAsyncResult *result;
  guint         interrupt_id;
} DeskCliWait;

int          desk_cli_main            (int                   argc,
                                       char                **argv);
gboolean     desk_cli_parse           (const char           *command,
                                       const char           *parameters,
                                       const char           *summary,
                                       const GOptionEntry   *entries,
                                       int                  *argc,
                                       char               ***argv,
                                       int                  *status);
DeskStore   *desk_cli_open_store      (GError              **error);
const char  *desk_cli_get_database_path (void);
const char  *desk_cli_enum_nick       (GType                 enum_type,
                                       int                   value);
gboolean     desk_cli_parse_nick      (GType                 enum_type,
                                       const char           *what,
                                       const char           *nick,
                                       int                  *value,
                                       GError              **error);
int          desk_cli_fail            (GError               *error);
int          desk_cli_usage_error     (const char           *format,
                                       ...) G_GNUC_PRINTF (1, 2);
void         desk_cli_print_json      (JsonNode             *node);
gsize        desk_cli_text_width      (const char           *text);
int          desk_cli_padding         (const char           *text,
                                       gsize                 columns);
void         desk_cli_wait_init       (DeskCliWait          *wait);
void         desk_cli_wait_done_cb    (GObject              *source,
                                       GAsyncResult         *result,
                                       gpointer              data);
GAsyncResult *desk_cli_wait           (DeskCliWait          *wait,
                                       gpointer              object);
void         desk_cli_wait_clear      (DeskCliWait          *wait);

int          desk_cli_account_list    (int                   argc,
                                       char                **argv);
int          desk_cli_checklist_add   (int                   argc,
                                       char                **argv);
int          desk_cli_checklist_list  (int                   argc,
                                       char                **argv);
int          desk_cli_conflict_resolve (int                  argc,
                                       char                **argv);
int          desk_cli_conflicts       (int                   argc,
                                       char                **argv);
int          desk_cli_customer_terms  (int                   argc,
                                       char                **argv);
int          desk_cli_deadlines       (int                   argc,
                                       char                **argv);
int          desk_cli_demo            (int                   argc,
                                       char                **argv);
int          desk_cli_export          (int                   argc,
                                       char                **argv);
int          desk_cli_import_accounts (int                   argc,
                                       char                **argv);
int          desk_cli_incident_add    (int                   argc,
                                       char                **argv);
int          desk_cli_incident_list   (int                   argc,
                                       char                **argv);
int          desk_cli_incident_set    (int                   argc,
                                       char                **argv);
int          desk_cli_incident_show   (int                   argc,
                                       char                **argv);
int          desk_cli_obligation_add  (int                   argc,
                                       char                **argv);
int          desk_cli_obligation_set  (int                   argc,
                                       char                **argv);
int          desk_cli_rules           (int                   argc,
                                       char                **argv);
int          desk_cli_serve           (int                   argc,
                                       char                **argv);
int          desk_cli_stats           (int                   argc,
                                       char                **argv);
int          desk_cli_sync            (int                   argc,
                                       char                **argv);
int          desk_cli_templates       (int                   argc,
                                       char                **argv);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DeskCliWait, desk_cli_wait_clear)

G_END_DECLS
