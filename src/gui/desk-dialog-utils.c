/* desk-dialog-utils.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the dialogs that add or edit a record (a customer, a notice) share: their template, signals
 * and keys, staying open while they save, closing once saved or to have the record removed, the
 * models of their combo rows, and how they say which of the two they do. */

#define G_LOG_DOMAIN "desk-dialog-utils"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-a11y.h"
#include "desk-dialog-utils.h"

/**
 * desk_dialog_class_setup:
 * @widget_class: the class of a dialog that adds or edits a record
 * @resource: the resource path of its template
 * @removed_type: the type of what its "remove-requested" signal passes on
 * @signals: (array fixed-size=2): filled with the ids of its signals, by #DeskDialogSignal
 *
 * Gives a dialog its template, Escape to close it, and its two signals:
 *
 * - "saved": the record is stored; the dialog closes (desk_dialog_close_saved()).
 * - "remove-requested" (a @removed_type): the person asked to remove the record; the dialog has
 *   closed, and the receiver confirms and removes (desk_dialog_request_removal()).
 */
void
desk_dialog_class_setup (GtkWidgetClass *widget_class,
                         const char     *resource,
                         GType           removed_type,
                         guint          *signals)
{
  GType type = G_TYPE_FROM_CLASS (widget_class);

  g_return_if_fail (GTK_IS_WIDGET_CLASS (widget_class));

  signals[DESK_DIALOG_SAVED] = g_signal_new ("saved", type, G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                             NULL, G_TYPE_NONE, 0);
  signals[DESK_DIALOG_REMOVE_REQUESTED] = g_signal_new ("remove-requested", type,
                                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                        G_TYPE_NONE, 1, removed_type);

  gtk_widget_class_set_template_from_resource (widget_class, resource);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/**
 * desk_dialog_close_request:
 * @dialog: a dialog, from its GtkWindow::close_request
 * @saving: whether it is saving
 *
 * Keeps @dialog open while it saves: a save can take two writes (a customer, then its place on
 * the incident; a notice, then its status), and closing between them would keep half the edit.
 *
 * Returns: %TRUE to keep @dialog open
 */
gboolean
desk_dialog_close_request (GtkWindow *dialog,
                           gboolean   saving)
{
  GtkWindowClass *parent_class = g_type_class_peek_parent (G_OBJECT_GET_CLASS (dialog));

  if (saving)
    return TRUE;

  return parent_class->close_request ? parent_class->close_request (dialog) : FALSE;
}

/* Says with @saved_signal that @dialog's record is stored, and closes @dialog. */
void
desk_dialog_close_saved (GtkWindow *dialog,
                         guint      saved_signal)
{
  g_return_if_fail (GTK_IS_WINDOW (dialog));

  g_signal_emit (dialog, saved_signal, 0);
  gtk_window_destroy (dialog);
}

/* Closes @dialog, then passes @item on with @remove_signal: the receiver asks for confirmation
 * with the dialog out of the way. */
void
desk_dialog_request_removal (GtkWindow *dialog,
                             guint      remove_signal,
                             gpointer   item)
{
  g_autoptr(GObject) kept = g_object_ref (item);  /* the dialog's reference goes with it */
  g_autoptr(GtkWindow) emitter = g_object_ref (dialog);  /* destroyed, but not yet freed */

  g_return_if_fail (GTK_IS_WINDOW (dialog));

  gtk_window_destroy (dialog);
  g_signal_emit (emitter, remove_signal, 0, kept);
}

/**
 * desk_dialog_label_model:
 * @label: names a value of an enum
 * @first: the first value to list
 * @n_values: how many values to list from @first
 *
 * Returns: (transfer full): a GtkStringList of the values' names, for an AdwComboRow whose
 *   selected position is the value minus @first
 */
GListModel *
desk_dialog_label_model (DeskLabelFunc label,
                         int           first,
                         int           n_values)
{
  GtkStringList *list;

  g_return_val_if_fail (label != NULL, NULL);

  list = gtk_string_list_new (NULL);
  for (int i = first; i < first + n_values; i++)
    gtk_string_list_append (list, label (i));

  return G_LIST_MODEL (list);
}

/**
 * desk_dialog_set_title:
 * @dialog: the dialog
 * @window_title: its header bar's title
 * @save_button: the button that saves
 * @title: what the dialog does, e.g. "Edit Customer"
 * @adding: whether it adds a record rather than edits one
 *
 * Titles @dialog in its header bar and as a window (which names it in the window list and to
 * assistive technologies), and names its save button after what saving does.
 */
void
desk_dialog_set_title (GtkWindow      *dialog,
                       AdwWindowTitle *window_title,
                       GtkWidget      *save_button,
                       const char     *title,
                       gboolean        adding)
{
  g_return_if_fail (GTK_IS_WINDOW (dialog));
  g_return_if_fail (ADW_IS_WINDOW_TITLE (window_title));
  g_return_if_fail (GTK_IS_BUTTON (save_button));

  adw_window_title_set_title (window_title, title);
  gtk_window_set_title (dialog, title);
  gtk_button_set_label (GTK_BUTTON (save_button), adding ? _("_Add") : _("_Save"));
  desk_a11y_name_mnemonic_buttons (save_button);
}
