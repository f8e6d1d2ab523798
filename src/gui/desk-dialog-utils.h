/* desk-dialog-utils.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* One of the desk_*_label() functions of desk-labels.h, taking the enum's value as an int */
typedef const char *(*DeskLabelFunc) (int value);

/* The signals of a dialog, by their place in the array desk_dialog_class_setup() fills */
typedef enum
{
  DESK_DIALOG_SAVED,
  DESK_DIALOG_REMOVE_REQUESTED,
  DESK_DIALOG_N_SIGNALS,
} DeskDialogSignal;

void        desk_dialog_class_setup     (GtkWidgetClass  *widget_class,
                                         const char      *resource,
                                         GType            removed_type,
                                         guint           *signals);
gboolean    desk_dialog_close_request   (GtkWindow       *dialog,
                                         gboolean         saving);
void        desk_dialog_close_saved     (GtkWindow       *dialog,
                                         guint            saved_signal);
void        desk_dialog_request_removal (GtkWindow       *dialog,
                                         guint            remove_signal,
                                         gpointer         item);
GListModel *desk_dialog_label_model     (DeskLabelFunc    label,
                                         int              first,
                                         int              n_values);
void        desk_dialog_set_title       (GtkWindow       *dialog,
                                         AdwWindowTitle  *window_title,
                                         GtkWidget       *save_button,
                                         const char      *title,
                                         gboolean         adding);

G_END_DECLS
