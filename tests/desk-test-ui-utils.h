/* desk-test-ui-utils.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TEST_SPIN_TIMEOUT_SECONDS 10

/* Runs the main loop until @cond holds, failing after DESK_TEST_SPIN_TIMEOUT_SECONDS. The timeout
 * source wakes the loop up so that the deadline is checked even when nothing else happens. */
#define SPIN_UNTIL(cond)                                                      \
  G_STMT_START {                                                              \
    gint64 deadline_ = g_get_monotonic_time ()                                \
                       + DESK_TEST_SPIN_TIMEOUT_SECONDS * G_USEC_PER_SEC;     \
    guint wake_id_ = g_timeout_add (10, desk_test_wake_up, NULL);             \
    while (!(cond) && g_get_monotonic_time () < deadline_)                    \
      g_main_context_iteration (NULL, TRUE);                                  \
    g_source_remove (wake_id_);                                               \
    g_assert_true (cond);                                                     \
  } G_STMT_END

gboolean    desk_test_wake_up           (gpointer      user_data);

DeskStore  *desk_test_open_tmp_store    (char        **dir);
void        desk_test_close_tmp_store   (DeskStore    *store,
                                         char         *dir);
guint       desk_test_send_every_third  (DeskStore    *store,
                                         DeskIncident *incident);

GtkWindow  *desk_test_present_page      (GtkWidget    *page,
                                         int           width,
                                         int           height);
void        desk_test_show_incident     (gpointer      page,
                                         DeskStore    *store,
                                         DeskIncident *incident);
void        desk_test_wait_for_page     (gpointer      page);
void        desk_test_destroy_window    (GtkWindow    *window,
                                         gpointer      page);

GtkWidget  *desk_test_find_widget       (GtkWidget    *widget,
                                         GType         type);
GtkWidget  *desk_test_find_button       (GtkWidget    *widget,
                                         const char   *label);
GtkWidget  *desk_test_find_cell         (GtkWidget    *widget,
                                         const char   *text);
GtkWidget  *desk_test_find_label        (GtkWidget    *widget,
                                         const char   *text);
GtkWidget  *desk_test_find_row          (GtkWidget    *widget,
                                         const char   *title);
char       *desk_test_get_clipboard_text (GdkClipboard *clipboard);
GtkWindow  *desk_test_find_toplevel     (GType         type);
void        desk_test_respond_to_dialog (const char   *response);

G_END_DECLS
