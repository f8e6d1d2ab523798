/* desk-checklist-item-row.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskChecklistItemRow is one item of a remediation checklist: a check button that marks it done,
 * its text, and a line with its owner, when it is due (or how long overdue) and its status.
 * Expanded, it edits the item's text, owner, due date, status and note; each change is saved at
 * once through the remediation page the row is in. Overdue items carry the "overdue" style
 * class, a warning icon and the words "Overdue by …", never colour alone. */

#define G_LOG_DOMAIN "desk-checklist-item-row"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-a11y.h"
#include "desk-checklist-item-row.h"
#include "desk-labels.h"
#include "desk-remediation-page-private.h"
#include "desk-remediation-text.h"
#include "desk-time.h"

struct _DeskChecklistItemRow
{
  AdwExpanderRow     parent_instance;

  /* Template widgets */
  GtkCheckButton    *done_check;
  GtkImage          *overdue_icon;
  GtkMenuButton     *menu_button;
  AdwEntryRow       *text_row;
  AdwEntryRow       *owner_row;
  AdwEntryRow       *due_row;
  AdwComboRow       *status_row;
  AdwEntryRow       *note_row;

  /* Owned */
  DeskChecklistItem *item;

  gint64             now;
  guint              updating : 1;
  guint              overdue : 1;
};

G_DEFINE_FINAL_TYPE (DeskChecklistItemRow, desk_checklist_item_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_NOW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers {{{ */

static DeskRecord *
get_record (DeskChecklistItemRow *self)
{
  return DESK_RECORD (self->item);
}

static DeskRemediationPage *
get_page (DeskChecklistItemRow *self)
{
  return (DeskRemediationPage *) gtk_widget_get_ancestor (GTK_WIDGET (self),
                                                          DESK_TYPE_REMEDIATION_PAGE);
}

static gint64
get_now (DeskChecklistItemRow *self)
{
  DeskRemediationPage *page = get_page (self);

  return page ? _desk_remediation_page_now (page) : self->now;
}

static gboolean
is_editing (AdwEntryRow *row)
{
  return (gtk_widget_get_state_flags (GTK_WIDGET (row)) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0;
}

/* Sets the text of an entry row unless someone is typing in it. */
static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  if (!is_editing (row))
    gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static char *
format_due_date (gint64 due_at)
{
  g_autoptr(GDateTime) when = NULL;

  if (due_at == 0 || (when = g_date_time_new_from_unix_local (due_at)) == NULL)
    return g_strdup ("");

  return g_date_time_format (when, "%Y-%m-%d");
}

static void
refresh (DeskChecklistItemRow *self)
{
  DeskRecord *record = get_record (self);
  const char *text = desk_record_get_string (record, "text");
  const char *owner = desk_record_get_string (record, "owner");
  const char *note = desk_record_get_string (record, "note");
  gint64 due_at = desk_record_get_int (record, "due-at");
  gint64 done_at = desk_record_get_int (record, "done-at");
  DeskItemStatus status = desk_record_get_enum (record, "status");
  g_autofree char *due = desk_item_due_text (due_at, status, done_at, self->now);
  g_autofree char *due_date = format_due_date (due_at);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  self->updating = TRUE;
  self->overdue = desk_item_is_overdue (due_at, status, self->now);

  /* The row's title and subtitle are markup. */
  title = g_markup_escape_text (text ? text : "", -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);

  if (owner != NULL && *owner != '\0')
    g_ptr_array_add (parts, g_markup_escape_text (owner, -1));
  if (due != NULL && self->overdue)
    g_ptr_array_add (parts, g_markup_printf_escaped ("<b>%s</b>", due));
  else if (due != NULL)
    g_ptr_array_add (parts, g_markup_escape_text (due, -1));
  if (status != DESK_ITEM_STATUS_TODO && status != DESK_ITEM_STATUS_DONE)
    g_ptr_array_add (parts, g_markup_escape_text (desk_item_status_label (status), -1));
  g_ptr_array_add (parts, NULL);
  /* Translators: between the parts of a checklist item's details, "IAM Lead · Due 19 Apr" */
  subtitle = g_strjoinv (_(" · "), (char **) parts->pdata);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);

  gtk_check_button_set_active (self->done_check, status == DESK_ITEM_STATUS_DONE);
  /* "Done", said of the item the row reads out. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->done_check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Done"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text ? text : "",
                                  -1);

  gtk_widget_set_visible (GTK_WIDGET (self->overdue_icon), self->overdue);
  if (self->overdue)
    gtk_widget_add_css_class (GTK_WIDGET (self), "overdue");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "overdue");

  if (desk_item_status_is_complete (status))
    gtk_widget_add_css_class (GTK_WIDGET (self), "complete");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "complete");

  set_row_text (self->text_row, text);
  set_row_text (self->owner_row, owner);
  set_row_text (self->due_row, due_date);
  set_row_text (self->note_row, note);
  adw_combo_row_set_selected (self->status_row, status);

  self->updating = FALSE;
}

static void
save (DeskChecklistItemRow *self)
{
  DeskRemediationPage *page = get_page (self);

  refresh (self);

  if (page != NULL)
    _desk_remediation_page_save_item (page, self->item);
}

static void
set_status (DeskChecklistItemRow *self,
            DeskItemStatus        status)
{
  DeskRecord *record = get_record (self);

  if (desk_record_get_enum (record, "status") == (int) status)
    return;

  desk_record_set_enum (record, "status", status);
  if (status == DESK_ITEM_STATUS_DONE)
    desk_record_set_int (record, "done-at", get_now (self));
  else
    desk_record_set_int (record, "done-at", 0);

  save (self);
}

/* Stores @text in the string field @name; empty text clears the field. */
static void
set_string (DeskChecklistItemRow *self,
            const char           *name,
            const char           *text)
{
  DeskRecord *record = get_record (self);
  g_autofree char *value = g_strstrip (g_strdup (text));

  if (g_strcmp0 (desk_record_get_string (record, name), *value ? value : NULL) == 0)
    return;

  desk_record_set_string (record, name, *value ? value : NULL);
  save (self);
}

/* }}} */
/* Callbacks {{{ */

static void
on_item_notify_cb (DeskChecklistItemRow *self)
{
  refresh (self);
}

static void
on_done_check_toggled_cb (DeskChecklistItemRow *self)
{
  if (self->updating)
    return;

  set_status (self, gtk_check_button_get_active (self->done_check) ? DESK_ITEM_STATUS_DONE
                                                                   : DESK_ITEM_STATUS_TODO);
}

static void
on_status_selected_cb (DeskChecklistItemRow *self)
{
  guint selected = adw_combo_row_get_selected (self->status_row);

  if (self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;

  set_status (self, selected);
}

static void
on_text_applied_cb (DeskChecklistItemRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->text_row));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  /* An item says what to do: an empty text goes back to the stored one. */
  if (*stripped == '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (self->text_row),
                             desk_record_get_string (get_record (self), "text"));
      return;
    }

  set_string (self, "text", stripped);
}

static void
on_owner_applied_cb (DeskChecklistItemRow *self)
{
  set_string (self, "owner", gtk_editable_get_text (GTK_EDITABLE (self->owner_row)));
}

static void
on_note_applied_cb (DeskChecklistItemRow *self)
{
  set_string (self, "note", gtk_editable_get_text (GTK_EDITABLE (self->note_row)));
}

static void
on_due_changed_cb (DeskChecklistItemRow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->due_row), "error");
  gtk_accessible_reset_state (GTK_ACCESSIBLE (self->due_row), GTK_ACCESSIBLE_STATE_INVALID);
}

static void
on_due_applied_cb (DeskChecklistItemRow *self)
{
  DeskRecord *record = get_record (self);
  const char *entered = gtk_editable_get_text (GTK_EDITABLE (self->due_row));
  g_autofree char *text = g_strstrip (g_strdup (entered));
  gint64 due_at = 0;

  if (*text != '\0')
    {
      g_autoptr(GError) error = NULL;

      if (!desk_time_parse (text, NULL, &due_at, &error))
        {
          desk_a11y_set_invalid (GTK_WIDGET (self->due_row), error->message);
          return;
        }

      /* A day alone means "by the end of that day". */
      if (strlen (text) == strlen ("2026-04-19"))
        due_at += 24 * 60 * 60 - 1;
    }

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->due_row), NULL);

  if (desk_record_get_int (record, "due-at") == due_at)
    return;

  desk_record_set_int (record, "due-at", due_at);
  save (self);
}

/* }}} */
/* Drag and drop {{{ */

/* Items are dragged within their checklist; the menu's Move Up and Move Down do the same from
 * the keyboard. */

static GdkContentProvider *
on_drag_prepare_cb (DeskChecklistItemRow *self,
                    double                x,
                    double                y,
                    GtkDragSource        *source)
{
  return gdk_content_provider_new_typed (DESK_TYPE_CHECKLIST_ITEM_ROW, self);
}

static void
on_drag_begin_cb (DeskChecklistItemRow *self,
                  GdkDrag              *drag,
                  GtkDragSource        *source)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static gboolean
on_drop_cb (DeskChecklistItemRow *self,
            const GValue         *value,
            double                x,
            double                y,
            GtkDropTarget        *target)
{
  DeskChecklistItemRow *dragged = g_value_get_object (value);
  DeskRemediationPage *page = get_page (self);
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self));

  if (!DESK_IS_CHECKLIST_ITEM_ROW (dragged) || dragged == self || page == NULL || index < 0 ||
      desk_record_get_int (DESK_RECORD (dragged->item), "checklist-id") !=
      desk_record_get_int (get_record (self), "checklist-id"))
    return FALSE;

  _desk_remediation_page_move_item (page, dragged->item, index);
  return TRUE;
}

/* }}} */
/* Actions {{{ */

static void
move_by (DeskChecklistItemRow *self,
         int                   delta)
{
  DeskRemediationPage *page = get_page (self);
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self));

  if (page == NULL || index < 0 || index + delta < 0)
    return;

  _desk_remediation_page_move_item (page, self->item, index + delta);
}

static void
desk_checklist_item_row_move_up_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  move_by (DESK_CHECKLIST_ITEM_ROW (widget), -1);
}

static void
desk_checklist_item_row_move_down_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  move_by (DESK_CHECKLIST_ITEM_ROW (widget), 1);
}

static void
desk_checklist_item_row_remove_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  DeskChecklistItemRow *self = DESK_CHECKLIST_ITEM_ROW (widget);
  DeskRemediationPage *page = get_page (self);

  if (page != NULL)
    _desk_remediation_page_remove_item (page, self->item);
}

/* }}} */
/* GObject {{{ */

static void
desk_checklist_item_row_constructed (GObject *object)
{
  DeskChecklistItemRow *self = DESK_CHECKLIST_ITEM_ROW (object);

  G_OBJECT_CLASS (desk_checklist_item_row_parent_class)->constructed (object);

  g_assert (DESK_IS_CHECKLIST_ITEM (self->item));

  g_signal_connect_object (self->item, "notify", G_CALLBACK (on_item_notify_cb), self,
                           G_CONNECT_SWAPPED);
  refresh (self);
}

static void
desk_checklist_item_row_dispose (GObject *object)
{
  DeskChecklistItemRow *self = DESK_CHECKLIST_ITEM_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_CHECKLIST_ITEM_ROW);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (desk_checklist_item_row_parent_class)->dispose (object);
}

static void
desk_checklist_item_row_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  DeskChecklistItemRow *self = DESK_CHECKLIST_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    case PROP_NOW:
      g_value_set_int64 (value, self->now);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_checklist_item_row_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  DeskChecklistItemRow *self = DESK_CHECKLIST_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      self->item = g_value_dup_object (value);
      break;

    case PROP_NOW:
      desk_checklist_item_row_set_now (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_checklist_item_row_class_init (DeskChecklistItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = desk_checklist_item_row_constructed;
  object_class->dispose = desk_checklist_item_row_dispose;
  object_class->get_property = desk_checklist_item_row_get_property;
  object_class->set_property = desk_checklist_item_row_set_property;

  /**
   * DeskChecklistItemRow:item:
   *
   * The item the row shows and edits; the row follows its changes.
   */
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, DESK_TYPE_CHECKLIST_ITEM,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * DeskChecklistItemRow:now:
   *
   * The current time, in seconds since the epoch, for telling overdue items.
   */
  properties[PROP_NOW] =
    g_param_spec_int64 ("now", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/desk-checklist-item-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskChecklistItemRow, done_check);
  gtk_widget_class_bind_template_child (widget_class, DeskChecklistItemRow, overdue_icon);
  gtk_widget_class_bind_template_child (widget_class, DeskChecklistItemRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, DeskChecklistItemRow, text_row);
  gtk_widget_class_bind_template_child (widget_class, DeskChecklistItemRow, owner_row);
  gtk_widget_class_bind_template_child (widget_class, DeskChecklistItemRow, due_row);
  gtk_widget_class_bind_template_child (widget_class, DeskChecklistItemRow, status_row);
  gtk_widget_class_bind_template_child (widget_class, DeskChecklistItemRow, note_row);
  gtk_widget_class_bind_template_callback (widget_class, on_done_check_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_status_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_text_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_owner_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_due_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_due_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_note_applied_cb);

  gtk_widget_class_install_action (widget_class, "item.move-up", NULL,
                                   desk_checklist_item_row_move_up_action);
  gtk_widget_class_install_action (widget_class, "item.move-down", NULL,
                                   desk_checklist_item_row_move_down_action);
  gtk_widget_class_install_action (widget_class, "item.remove", NULL,
                                   desk_checklist_item_row_remove_action);
}

static void
desk_checklist_item_row_init (DeskChecklistItemRow *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  GtkDragSource *source;
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_object (source, "prepare", G_CALLBACK (on_drag_prepare_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (source, "drag-begin", G_CALLBACK (on_drag_begin_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));

  target = gtk_drop_target_new (DESK_TYPE_CHECKLIST_ITEM_ROW, GDK_ACTION_MOVE);
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  desk_a11y_name_entry_row_apply (self->text_row);
  desk_a11y_name_entry_row_apply (self->owner_row);
  desk_a11y_name_entry_row_apply (self->due_row);
  desk_a11y_name_entry_row_apply (self->note_row);

  /* In the order of DeskItemStatus, so that the selected position is the status. */
  for (int status = DESK_ITEM_STATUS_TODO; status <= DESK_ITEM_STATUS_NOT_APPLICABLE; status++)
    gtk_string_list_append (statuses, desk_item_status_label (status));

  self->updating = TRUE;
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  self->updating = FALSE;
}

/* }}} */
/* Public API {{{ */

/**
 * desk_checklist_item_row_new:
 * @now: the current time, for telling overdue items
 */
GtkWidget *
desk_checklist_item_row_new (DeskChecklistItem *item,
                             gint64             now)
{
  g_return_val_if_fail (DESK_IS_CHECKLIST_ITEM (item), NULL);

  return g_object_new (DESK_TYPE_CHECKLIST_ITEM_ROW,
                       "item", item,
                       "now", now,
                       NULL);
}

/* Returns: (transfer none): the item the row shows */
DeskChecklistItem *
desk_checklist_item_row_get_item (DeskChecklistItemRow *self)
{
  g_return_val_if_fail (DESK_IS_CHECKLIST_ITEM_ROW (self), NULL);

  return self->item;
}

/* Sets the current time, for telling overdue items. */
void
desk_checklist_item_row_set_now (DeskChecklistItemRow *self,
                                 gint64                now)
{
  g_return_if_fail (DESK_IS_CHECKLIST_ITEM_ROW (self));

  if (self->now == now)
    return;

  self->now = now;
  if (self->item != NULL)
    refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOW]);
}

/* Enables Move Up and Move Down as far as there are items to pass. */
void
desk_checklist_item_row_set_neighbours (DeskChecklistItemRow *self,
                                        gboolean              has_previous,
                                        gboolean              has_next)
{
  g_return_if_fail (DESK_IS_CHECKLIST_ITEM_ROW (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.move-up", has_previous);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.move-down", has_next);
}

/* Returns: whether the item is past its due time and not finished */
gboolean
desk_checklist_item_row_is_overdue (DeskChecklistItemRow *self)
{
  g_return_val_if_fail (DESK_IS_CHECKLIST_ITEM_ROW (self), FALSE);

  return self->overdue;
}

GtkCheckButton *
_desk_checklist_item_row_get_done_check (DeskChecklistItemRow *self)
{
  g_return_val_if_fail (DESK_IS_CHECKLIST_ITEM_ROW (self), NULL);

  return self->done_check;
}

/* }}} */
