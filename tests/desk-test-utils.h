/* desk-test-utils.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-store.h"

G_BEGIN_DECLS

/* Work on a worker thread that tells a "fraction" as it goes: see desk_test_progress_wait(). */
typedef struct
{
  GCancellable *cancellable;  /* cancelled at the first news of progress, when set */
  GAsyncResult *result;
  guint         n_notified;
  double        fraction;     /* the last notified */
} DeskTestProgress;

char       *desk_test_make_tmp_dir   (void);
void        desk_test_remove_tree    (const char *path);
DeskStore  *desk_test_open_store     (const char *path);
gint64      desk_test_fixed_clock    (gpointer    user_data);
void        desk_test_await_finalize (gpointer    object);
gpointer    desk_test_save           (DeskStore  *store,
                                      gpointer    record);
guint       desk_test_count          (DeskStore  *store,
                                      GType       type,
                                      const char *field,
                                      gint64      value);
char       *desk_test_digest_database (DeskDatabase *database);
void        desk_test_append_accounts (GString    *csv,
                                       guint       first,
                                       guint       n_rows,
                                       int         digits);
gint64      desk_test_parse_time      (const char *text);
DeskIncident *desk_test_save_deadline_incident (DeskStore    *store);
void        desk_test_add_rule        (DeskStore    *store,
                                       DeskIncident *incident,
                                       const char   *rule,
                                       const char   *condition);
void        desk_test_add_customer_with_terms (DeskStore    *store,
                                               DeskIncident *incident,
                                               const char   *contract,
                                               gint64        hours);

/* The locale a test switched from, to switch back to. */
typedef struct
{
  char *locale;
  char *language;
} DeskTestLocale;

gboolean    desk_test_use_japanese    (DeskTestLocale *saved);
void        desk_test_restore_locale  (DeskTestLocale *saved);
void        desk_test_progress_done_cb (GObject      *source,
                                        GAsyncResult *result,
                                        gpointer      data);
GAsyncResult *desk_test_progress_wait (DeskTestProgress *progress,
                                       gpointer          object);
char       *desk_test_spawn          (const char * const *argv);
gboolean    desk_test_have_poppler   (void);

G_END_DECLS
