/* desk-gui-utils.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* What a toast's button does, e.g. Undo */
typedef void (*DeskToastFunc) (gpointer user_data);

GtkWidget *desk_wrapping_label_new (const char        *text,
                                   int                max_width_chars);
void      desk_show_toast       (GtkWidget            *widget,
                                 const char           *title);
void      desk_show_error       (GtkWidget            *widget,
                                 const char           *what,
                                 const GError         *error);
void      desk_show_undo_toast  (GtkWidget            *widget,
                                 const char           *title,
                                 DeskToastFunc         undo,
                                 gpointer              user_data,
                                 GDestroyNotify        destroy);
void      desk_show_action_toast (GtkWidget           *widget,
                                 const char           *title,
                                 const char           *button_label,
                                 DeskToastFunc         func,
                                 gpointer              user_data,
                                 GDestroyNotify        destroy);
void      desk_confirm_async    (GtkWidget            *widget,
                                 const char           *heading,
                                 const char           *body,
                                 const char           *confirm_label,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data);
gboolean  desk_confirm_finish   (GAsyncResult         *result,
                                 GError              **error);
void      desk_reveal_when_placed (GtkWidget          *widget,
                                 GtkWidget            *focus);

G_END_DECLS
