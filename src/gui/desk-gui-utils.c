/* desk-gui-utils.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Feedback any widget can give without knowing the window: toasts go to the nearest
 * AdwToastOverlay above the widget, confirmations are AdwMessageDialogs wrapped in a GTask
 * (libadwaita 1.2 has no adw_message_dialog_choose()). And the label of the rows that lists
 * build in code, and a way to bring a widget just added into view.
 *
 * Only the undo toast jumps the queue (high priority), since Undo must be at hand at once. We
 * never dismiss toasts from code: libadwaita 1.2 frees a toast's state twice when it is
 * dismissed during its 300 ms show animation. */

#define G_LOG_DOMAIN "desk-gui-utils"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-a11y.h"
#include "desk-gui-utils.h"

/**
 * desk_wrapping_label_new:
 * @max_width_chars: the width it asks for at most, in characters
 *
 * Names and addresses can be long and have no spaces: such a label wraps anywhere rather than
 * widen the row it is in.
 *
 * Returns: (transfer floating): a label of @text, aligned to the start
 */
GtkWidget *
desk_wrapping_label_new (const char *text,
                         int         max_width_chars)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), max_width_chars);

  return label;
}

static void
add_toast (GtkWidget *widget,
           AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay == NULL)
    {
      g_debug ("No toast overlay above %s: %s", G_OBJECT_TYPE_NAME (widget),
               adw_toast_get_title (toast));
      g_object_unref (toast);
      return;
    }

  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/**
 * desk_show_toast:
 * @title: the message, as Pango markup (libadwaita 1.2 reads toast titles as markup): escape
 *   text that comes from the database with g_markup_escape_text()
 */
void
desk_show_toast (GtkWidget  *widget,
                 const char *title)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  add_toast (widget, adw_toast_new (title));
}

/**
 * desk_show_error:
 * @what: what failed, e.g. _("Could not save the incident")
 *
 * Tells the person that @what failed and why, in a toast that stays until dismissed. A
 * cancelled request is not a failure: it shows nothing.
 */
void
desk_show_error (GtkWidget    *widget,
                 const char   *what,
                 const GError *error)
{
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_warning ("%s: %s", what, error->message);

  /* The toast title is markup. */
  title = g_markup_printf_escaped ("%s: %s", what, error->message);
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 0);
  add_toast (widget, toast);
}

typedef struct
{
  DeskToastFunc  func;
  gpointer       user_data;
  GDestroyNotify destroy;
} ToastAction;

static void
toast_action_free (gpointer data)
{
  ToastAction *action = data;

  if (action->destroy != NULL)
    action->destroy (action->user_data);
  g_free (action);
}

static void
on_toast_button_clicked_cb (AdwToast    *toast,
                            ToastAction *action)
{
  action->func (action->user_data);
}

/* Returns: (transfer full): a toast whose button calls @func */
static AdwToast *
new_action_toast (const char     *title,
                  const char     *button_label,
                  DeskToastFunc   func,
                  gpointer        user_data,
                  GDestroyNotify  destroy)
{
  AdwToast *toast = adw_toast_new (title);
  ToastAction *action = g_new0 (ToastAction, 1);

  action->func = func;
  action->user_data = user_data;
  action->destroy = destroy;

  adw_toast_set_button_label (toast, button_label);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_toast_button_clicked_cb), action,
                         (GClosureNotify) (void (*) (void)) toast_action_free, 0);
  return toast;
}

/**
 * desk_show_undo_toast:
 * @title: the message, as Pango markup (see desk_show_toast())
 * @undo: called if the person presses Undo
 *
 * Deletions in the store are tombstones, committed at once: a crash or a quit while the toast
 * is up loses nothing, and Undo restores the record.
 */
void
desk_show_undo_toast (GtkWidget      *widget,
                      const char     *title,
                      DeskToastFunc   undo,
                      gpointer        user_data,
                      GDestroyNotify  destroy)
{
  AdwToast *toast;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (undo != NULL);

  toast = new_action_toast (title, _("_Undo"), undo, user_data, destroy);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  add_toast (widget, toast);
}

/**
 * desk_show_action_toast:
 * @title: the message, as Pango markup (see desk_show_toast())
 * @button_label: the label of the toast's button, with a mnemonic, e.g. _("_Open")
 * @func: called if the person presses the button
 *
 * Tells the person something, and offers what they may want to do next.
 */
void
desk_show_action_toast (GtkWidget      *widget,
                        const char     *title,
                        const char     *button_label,
                        DeskToastFunc   func,
                        gpointer        user_data,
                        GDestroyNotify  destroy)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (button_label != NULL && func != NULL);

  add_toast (widget, new_action_toast (title, button_label, func, user_data, destroy));
}

/* The first response answers; the dialog may still emit its close response afterwards (when
 * the cancellable closes it), which must not answer again. */
static void
on_dialog_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       GTask            *task)
{
  GCancellable *cancellable = g_task_get_cancellable (task);

  g_signal_handlers_disconnect_by_func (dialog, on_dialog_response_cb, task);
  if (cancellable != NULL)
    g_signal_handlers_disconnect_by_data (cancellable, dialog);

  g_task_return_boolean (task, g_str_equal (response, "confirm"));
  g_object_unref (task);
}

static void
on_cancelled_cb (GCancellable     *cancellable,
                 AdwMessageDialog *dialog)
{
  gtk_window_close (GTK_WINDOW (dialog));
}

/**
 * desk_confirm_async:
 * @confirm_label: the destructive button's label, e.g. _("_Delete")
 *
 * Asks before something destructive. desk_confirm_finish() returns %TRUE only if the person
 * chose @confirm_label; closing the dialog or cancelling @cancellable means no.
 */
void
desk_confirm_async (GtkWidget           *widget,
                    const char          *heading,
                    const char          *body,
                    const char          *confirm_label,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  GtkRoot *root;
  AdwMessageDialog *dialog;
  GTask *task;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  root = gtk_widget_get_root (widget);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                            : NULL,
                                                       heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "confirm", confirm_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "confirm", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  desk_a11y_name_mnemonic_buttons (GTK_WIDGET (dialog));

  task = g_task_new (widget, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_confirm_async);
  g_signal_connect (dialog, "response", G_CALLBACK (on_dialog_response_cb), task);
  if (cancellable != NULL)
    g_signal_connect_object (cancellable, "cancelled", G_CALLBACK (on_cancelled_cb), dialog, 0);

  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
desk_confirm_finish (GAsyncResult  *result,
                     GError       **error)
{
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == desk_confirm_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  GtkWidget *focus;    /* (nullable) (owned) */
  guint      frames;
  float      y;
  float      height;
} Reveal;

static void
reveal_free (gpointer data)
{
  Reveal *reveal = data;

  g_clear_object (&reveal->focus);
  g_free (reveal);
}

/* Returns: (transfer none) (nullable): what @scroller scrolls, which moves with its scrolling */
static GtkWidget *
get_scrolled_content (GtkScrolledWindow *scroller)
{
  GtkWidget *child = gtk_scrolled_window_get_child (scroller);

  return GTK_IS_VIEWPORT (child) ? gtk_viewport_get_child (GTK_VIEWPORT (child)) : child;
}

/* A widget just added gets its final place only after a layout or two: scrolling before would
 * scroll to where it was first put. */
static gboolean
reveal_cb (GtkWidget     *widget,
           GdkFrameClock *frame_clock,
           gpointer       user_data)
{
  Reveal *reveal = user_data;
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content = scroller ? get_scrolled_content (GTK_SCROLLED_WINDOW (scroller)) : NULL;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  gboolean settled = FALSE;
  double value, page_size;

  if (content != NULL && gtk_widget_compute_bounds (widget, content, &bounds))
    {
      settled = bounds.size.height > 0
                && bounds.origin.y == reveal->y && bounds.size.height == reveal->height;
      reveal->y = bounds.origin.y;
      reveal->height = bounds.size.height;
    }
  if (!settled && ++reveal->frames < 30)
    return G_SOURCE_CONTINUE;

  /* Focus first: the viewport scrolls to the focus, which must not undo what follows. */
  if (reveal->focus != NULL)
    gtk_widget_grab_focus (reveal->focus);

  if (!settled)
    return G_SOURCE_REMOVE;

  /* As much of the widget as fits, its top first. */
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  value = gtk_adjustment_get_value (adjustment);
  page_size = gtk_adjustment_get_page_size (adjustment);
  if (bounds.origin.y + bounds.size.height > value + page_size)
    value = bounds.origin.y + bounds.size.height - page_size;
  if (bounds.origin.y < value)
    value = bounds.origin.y;
  gtk_adjustment_set_value (adjustment, value);

  return G_SOURCE_REMOVE;
}

/**
 * desk_reveal_when_placed:
 * @widget: a widget just added inside a #GtkScrolledWindow
 * @focus: (nullable): what gets the keyboard focus then, e.g. @widget or its title
 *
 * Once @widget has its place, scrolls its scrolled window to show as much of it as fits, its
 * top first, and focuses @focus.
 */
void
desk_reveal_when_placed (GtkWidget *widget,
                         GtkWidget *focus)
{
  Reveal *reveal = g_new0 (Reveal, 1);

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (focus == NULL || GTK_IS_WIDGET (focus));

  reveal->focus = focus ? g_object_ref (focus) : NULL;
  gtk_widget_add_tick_callback (widget, reveal_cb, reveal, reveal_free);
}
