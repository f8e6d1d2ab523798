/* desk-obligation-row.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskObligationRow is one report a deadline rule asks of an incident, on the Overview page:
 * "APPI (Japan): Final report", with its due time in the incident's zone and a countdown, or
 * when it was filed; expanded, its status (open, filed, not applicable), filed time, reference
 * and note to edit, and how the rule counts its period, with its source.
 *
 * The row only shows and collects: saving and removing are the owner's, through the
 * "field-applied" and "remove-requested" signals. It follows the DeskDeadline it is given again
 * after each save, since the store moves due times (a filed stage starts the next one's clock). */

#define G_LOG_DOMAIN "desk-obligation-row"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-a11y.h"
#include "desk-date-time-row.h"
#include "desk-deadline-text.h"
#include "desk-dialog-utils.h"
#include "desk-labels.h"
#include "desk-time.h"
#include "desk-obligation-row.h"

struct _DeskObligationRow
{
  AdwExpanderRow     parent_instance;

  /* Template widgets */
  GtkImage          *icon;
  GtkWidget         *uncertain_tag;
  AdwComboRow       *status_row;
  DeskDateTimeRow   *filed_row;
  AdwEntryRow       *reference_row;
  AdwEntryRow       *note_row;
  AdwActionRow      *rule_row;
  GtkWidget         *source_button;
  GtkWidget         *remove_button;

  /* Owned */
  DeskDeadline      *deadline;

  gboolean           syncing;   /* the widgets are being filled from the obligation */
};

G_DEFINE_FINAL_TYPE (DeskObligationRow, desk_obligation_row, ADW_TYPE_EXPANDER_ROW)

enum {
  FIELD_APPLIED,
  REMOVE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers {{{ */

static DeskRecord *
get_record (DeskObligationRow *self)
{
  return desk_deadline_get_record (self->deadline);
}

/* Sets @row's text, unless the person is typing in it: what they type wins over a reload. */
static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (row));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (row)))
    return;

  if (text == NULL)
    text = "";

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* Shows the obligation's fields, except where the person is typing. */
static void
sync_fields (DeskObligationRow *self)
{
  DeskRecord *record = get_record (self);
  DeskObligationStatus status = desk_record_get_enum (record, "status");
  g_autoptr(GTimeZone) zone = desk_time_zone_for (desk_deadline_get_time_zone (self->deadline));

  self->syncing = TRUE;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 desk_deadline_get_title (self->deadline));
  adw_combo_row_set_selected (self->status_row, status);
  desk_date_time_row_set_time_zone (self->filed_row, zone);
  desk_date_time_row_set_time (self->filed_row, desk_record_get_int (record, "filed-at"));
  gtk_widget_set_visible (GTK_WIDGET (self->filed_row), status == DESK_OBLIGATION_STATUS_FILED);
  set_text (self->reference_row, desk_record_get_string (record, "reference"));
  set_text (self->note_row, desk_record_get_string (record, "note"));
  gtk_widget_set_visible (self->uncertain_tag, desk_deadline_get_uncertain (self->deadline));

  self->syncing = FALSE;
}

/* }}} */
/* Callbacks {{{ */

static void
on_status_selected_cb (DeskObligationRow *self)
{
  guint status = adw_combo_row_get_selected (self->status_row);

  if (self->syncing || self->deadline == NULL || status == GTK_INVALID_LIST_POSITION)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->filed_row), status == DESK_OBLIGATION_STATUS_FILED);
  g_signal_emit (self, signals[FIELD_APPLIED], 0, "status");
}

static void
on_filed_applied_cb (DeskObligationRow *self)
{
  if (!self->syncing && self->deadline != NULL)
    g_signal_emit (self, signals[FIELD_APPLIED], 0, "filed-at");
}

static void
on_text_applied_cb (DeskObligationRow *self,
                    AdwEntryRow       *row)
{
  if (self->deadline != NULL)
    g_signal_emit (self, signals[FIELD_APPLIED], 0,
                   row == self->reference_row ? "reference" : "note");
}

static void
on_remove_clicked_cb (DeskObligationRow *self)
{
  g_signal_emit (self, signals[REMOVE_REQUESTED], 0);
}

/* }}} */
/* GObject {{{ */

static void
desk_obligation_row_dispose (GObject *object)
{
  DeskObligationRow *self = DESK_OBLIGATION_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_OBLIGATION_ROW);

  g_clear_object (&self->deadline);

  G_OBJECT_CLASS (desk_obligation_row_parent_class)->dispose (object);
}

static void
desk_obligation_row_class_init (DeskObligationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_obligation_row_dispose;

  /**
   * DeskObligationRow::field-applied:
   * @field: the obligation's field: "status", "filed-at", "reference" or "note"
   *
   * The person applied a new value of @field, to save; the row's getters tell it.
   */
  signals[FIELD_APPLIED] = g_signal_new ("field-applied", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * DeskObligationRow::remove-requested:
   *
   * The person asked to remove the rule's obligations from the incident.
   */
  signals[REMOVE_REQUESTED] = g_signal_new ("remove-requested", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 0);

  g_type_ensure (DESK_TYPE_DATE_TIME_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/desk-obligation-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskObligationRow, icon);
  gtk_widget_class_bind_template_child (widget_class, DeskObligationRow, uncertain_tag);
  gtk_widget_class_bind_template_child (widget_class, DeskObligationRow, status_row);
  gtk_widget_class_bind_template_child (widget_class, DeskObligationRow, filed_row);
  gtk_widget_class_bind_template_child (widget_class, DeskObligationRow, reference_row);
  gtk_widget_class_bind_template_child (widget_class, DeskObligationRow, note_row);
  gtk_widget_class_bind_template_child (widget_class, DeskObligationRow, rule_row);
  gtk_widget_class_bind_template_child (widget_class, DeskObligationRow, source_button);
  gtk_widget_class_bind_template_child (widget_class, DeskObligationRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, on_status_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filed_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_text_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked_cb);
}

static void
desk_obligation_row_init (DeskObligationRow *self)
{
  g_autoptr(GListModel) statuses = NULL;

  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  desk_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
  desk_a11y_name_entry_row_apply (self->reference_row);
  desk_a11y_name_entry_row_apply (self->note_row);

  statuses = desk_dialog_label_model ((DeskLabelFunc) desk_obligation_status_label,
                                      DESK_OBLIGATION_STATUS_OPEN,
                                      DESK_OBLIGATION_STATUS_NOT_APPLICABLE + 1);
  adw_combo_row_set_model (self->status_row, statuses);
  self->syncing = FALSE;
}

/* }}} */
/* Public API {{{ */

/**
 * desk_obligation_row_new:
 * @deadline: the deadline of a #DeskObligation
 * @rule: (nullable): its rule, when this machine knows it
 *
 * Returns: (transfer floating): a new row
 */
GtkWidget *
desk_obligation_row_new (DeskDeadline     *deadline,
                         DeskDeadlineRule *rule)
{
  DeskObligationRow *self;
  const DeskRuleStage *stage = NULL;
  const DeskRuleCondition *condition = NULL;
  g_autofree char *period = NULL;
  g_autofree char *details = NULL;
  g_autofree char *remove_label = NULL;
  DeskRecord *record;

  g_return_val_if_fail (DESK_IS_DEADLINE (deadline), NULL);
  g_return_val_if_fail (desk_deadline_get_kind (deadline) == DESK_DEADLINE_KIND_OBLIGATION, NULL);

  self = g_object_new (DESK_TYPE_OBLIGATION_ROW, NULL);
  desk_obligation_row_set_deadline (self, deadline);
  record = get_record (self);

  if (rule != NULL)
    {
      stage = desk_deadline_rule_get_stage (rule, desk_record_get_string (record, "stage"));
      condition = desk_deadline_rule_find_condition (rule,
                                                     desk_record_get_string (record, "condition"),
                                                     NULL);
    }

  if (stage != NULL)
    {
      period = desk_deadline_rule_describe_stage (rule, stage, condition);
      /* Translators: who a report goes to, and its period, e.g. "To the Personal Information
       * Protection Commission · 30 days after awareness" */
      details = g_strdup_printf (_("To %s · %s"), stage->recipient, period);
      adw_action_row_set_subtitle (self->rule_row, details);
      gtk_link_button_set_uri (GTK_LINK_BUTTON (self->source_button),
                               desk_deadline_rule_get_source (rule));
      gtk_widget_set_tooltip_text (self->source_button, desk_deadline_rule_get_law (rule));
    }
  else
    {
      adw_action_row_set_subtitle (self->rule_row, _("A rule this computer does not know"));
      gtk_widget_set_visible (self->source_button, FALSE);
    }

  /* Translators: what a screen reader says of the button that removes every report of a rule,
   * e.g. "Removes GDPR (EU) from the incident" */
  remove_label = g_strdup_printf (_("Removes %s from the incident"),
                                  rule ? desk_deadline_rule_get_name (rule)
                                       : desk_record_get_string (record, "rule"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, remove_label,
                                  -1);

  return GTK_WIDGET (self);
}

/* Returns: (transfer none): the deadline the row shows */
DeskDeadline *
desk_obligation_row_get_deadline (DeskObligationRow *self)
{
  g_return_val_if_fail (DESK_IS_OBLIGATION_ROW (self), NULL);

  return self->deadline;
}

/* Shows @deadline, the same obligation as stored since, keeping what is being typed. */
void
desk_obligation_row_set_deadline (DeskObligationRow *self,
                                  DeskDeadline      *deadline)
{
  g_return_if_fail (DESK_IS_OBLIGATION_ROW (self));
  g_return_if_fail (DESK_IS_DEADLINE (deadline));

  g_set_object (&self->deadline, deadline);
  sync_fields (self);
}

/* Returns: (transfer none): the obligation the row shows */
DeskObligation *
desk_obligation_row_get_obligation (DeskObligationRow *self)
{
  g_return_val_if_fail (DESK_IS_OBLIGATION_ROW (self), NULL);

  return DESK_OBLIGATION (get_record (self));
}

/**
 * desk_obligation_row_refresh:
 * @now: the time it is
 * @lead_hours: how long before its due time an obligation is due soon
 *
 * Says where the obligation stands at @now: its due time and countdown, or when it was filed.
 */
void
desk_obligation_row_refresh (DeskObligationRow *self,
                             gint64             now,
                             guint              lead_hours)
{
  DeskRecord *record;
  DeskObligationStatus status;
  const char *time_zone;
  gint64 due_at, filed_at;
  g_autofree char *due = NULL;
  g_autofree char *subtitle = NULL;
  DeskUrgency urgency;
  const char *css_class;

  g_return_if_fail (DESK_IS_OBLIGATION_ROW (self));

  record = get_record (self);
  status = desk_record_get_enum (record, "status");
  time_zone = desk_deadline_get_time_zone (self->deadline);
  due_at = desk_deadline_get_due_at (self->deadline);
  filed_at = desk_record_get_int (record, "filed-at");
  urgency = desk_urgency_of (due_at, desk_deadline_is_done (self->deadline), now, lead_hours);
  due = desk_format_due_time (due_at, time_zone);

  if (status == DESK_OBLIGATION_STATUS_NOT_APPLICABLE)
    subtitle = g_strdup (desk_obligation_status_label (status));
  else if (status == DESK_OBLIGATION_STATUS_FILED)
    {
      g_autofree char *filed = desk_format_zoned_time (filed_at, time_zone);

      if (due_at != 0 && filed_at > due_at)
        /* Translators: an obligation filed after its deadline, e.g. "Filed 18 Apr 2026, 10:00
         * JST, after the deadline (17 Apr 2026, 09:00 JST)" */
        subtitle = g_strdup_printf (_("Filed %s, after the deadline (%s)"), filed, due);
      else
        /* Translators: e.g. "Filed 16 Apr 2026, 10:00 JST" */
        subtitle = g_strdup_printf (_("Filed %s"), filed);
    }
  else if (due_at == 0)
    subtitle = g_steal_pointer (&due);
  else
    {
      g_autofree char *countdown = desk_format_countdown (due_at, now);

      /* Translators: an open obligation's due time and countdown, e.g. "Due 17 Apr 2026, 09:00
       * JST · in 5 h" */
      subtitle = g_strdup_printf (_("Due %s · %s"), due, countdown);
    }

  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);

  gtk_image_set_from_icon_name (self->icon, desk_urgency_icon_name (urgency));
  gtk_widget_remove_css_class (GTK_WIDGET (self->icon), "deadline-done");
  gtk_widget_remove_css_class (GTK_WIDGET (self->icon), "deadline-soon");
  gtk_widget_remove_css_class (GTK_WIDGET (self->icon), "deadline-overdue");
  if ((css_class = desk_urgency_css_class (urgency)) != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->icon), css_class);
  /* The subtitle in the colour of an overdue checklist item (style.css). */
  if (urgency == DESK_URGENCY_OVERDUE)
    gtk_widget_add_css_class (GTK_WIDGET (self), "overdue");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "overdue");
}

DeskObligationStatus
desk_obligation_row_get_status (DeskObligationRow *self)
{
  g_return_val_if_fail (DESK_IS_OBLIGATION_ROW (self), DESK_OBLIGATION_STATUS_OPEN);

  return adw_combo_row_get_selected (self->status_row);
}

/* Returns: the filed time in the row; 0 for none, which the store makes now when filed */
gint64
desk_obligation_row_get_filed_at (DeskObligationRow *self)
{
  g_return_val_if_fail (DESK_IS_OBLIGATION_ROW (self), 0);

  return desk_date_time_row_get_time (self->filed_row);
}

/**
 * desk_obligation_row_dup_text:
 * @field: "reference" or "note"
 *
 * Returns: (transfer full) (nullable): the text in the row, stripped; %NULL when empty
 */
char *
desk_obligation_row_dup_text (DeskObligationRow *self,
                              const char        *field)
{
  AdwEntryRow *row;
  g_autofree char *text = NULL;

  g_return_val_if_fail (DESK_IS_OBLIGATION_ROW (self), NULL);

  row = g_str_equal (field, "reference") ? self->reference_row : self->note_row;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

/* Returns: (transfer none): the row that edits @field, for tests */
GtkWidget *
_desk_obligation_row_get_field_row (DeskObligationRow *self,
                                    const char        *field)
{
  g_return_val_if_fail (DESK_IS_OBLIGATION_ROW (self), NULL);

  if (g_str_equal (field, "status"))
    return GTK_WIDGET (self->status_row);
  if (g_str_equal (field, "filed-at"))
    return GTK_WIDGET (self->filed_row);
  if (g_str_equal (field, "reference"))
    return GTK_WIDGET (self->reference_row);
  if (g_str_equal (field, "note"))
    return GTK_WIDGET (self->note_row);
  g_return_val_if_reached (NULL);
}

/* }}} */
