/* desk-obligation-dialog.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskObligationDialog applies a deadline rule to an incident: the rules of the rulebook, one row
 * each with the reports it asks for and their periods ("Preliminary report: 5 days after
 * awareness"), those whose research is uncertain tagged "To verify", those the incident has
 * already shown as added. A search narrows the list. A rule whose periods depend on a condition
 * (60 instead of 30 days when unauthorised access caused the breach) asks which applies before it
 * can be added. The clock may start at a time of the person's choosing; by default each report
 * counts from the incident's own times, as its rule says.
 *
 * The store makes the obligations, in one transaction, and computes their due times. */

#define G_LOG_DOMAIN "desk-obligation-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-a11y.h"
#include "desk-date-time-row.h"
#include "desk-dialog-utils.h"
#include "desk-time.h"
#include "desk-obligation-dialog.h"

struct _DeskObligationDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkSearchEntry       *search_entry;
  GtkListBox           *rule_list;
  GtkWidget            *condition_group;
  GtkListBox           *condition_list;
  DeskDateTimeRow      *clock_row;

  /* Owned */
  DeskStore            *store;
  DeskIncident         *incident;
  GStrv                 applied;       /* the ids of the rules the incident has */
  char                 *search_text;   /* casefolded; NULL for none */
  DeskDeadlineRule     *rule;          /* the one chosen */
  char                 *condition;     /* the name of the condition chosen */

  gboolean              adding;
};

G_DEFINE_FINAL_TYPE (DeskObligationDialog, desk_obligation_dialog, ADW_TYPE_WINDOW)

enum {
  ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers {{{ */

static void
update_actions (DeskObligationDialog *self)
{
  gboolean ready = self->rule != NULL && !self->adding;

  if (ready && desk_deadline_rule_get_conditions (self->rule)->len > 0)
    ready = self->condition != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "obligation.add", ready);
}

static void
show_toast (DeskObligationDialog *self,
            const char           *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  /* The toast title is markup on libadwaita 1.2. */
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

/* What the rule's reports are and when they are due, a line each. */
static char *
describe_rule (DeskDeadlineRule *rule)
{
  GPtrArray *stages = desk_deadline_rule_get_stages (rule);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < stages->len; i++)
    {
      const DeskRuleStage *stage = g_ptr_array_index (stages, i);
      g_autofree char *period = desk_deadline_rule_describe_stage (rule, stage, NULL);

      if (i > 0)
        g_string_append_c (text, '\n');
      /* Translators: one report of a rule and its period, e.g. "Final report: 30 days after
       * awareness" */
      g_string_append_printf (text, _("%s: %s"), stage->name, period);
    }

  return g_string_free (text, FALSE);
}

static gboolean
contains_folded (const char *haystack,
                 const char *needle)
{
  g_autofree char *folded = haystack ? g_utf8_casefold (haystack, -1) : NULL;

  return folded != NULL && strstr (folded, needle) != NULL;
}

static gboolean
filter_rule (GtkListBoxRow *row,
             gpointer       user_data)
{
  DeskObligationDialog *self = user_data;
  DeskDeadlineRule *rule = g_object_get_data (G_OBJECT (row), "desk-rule");

  if (self->search_text == NULL)
    return TRUE;

  return contains_folded (desk_deadline_rule_get_name (rule), self->search_text)
         || contains_folded (desk_deadline_rule_get_law (rule), self->search_text)
         || contains_folded (desk_deadline_rule_get_id (rule), self->search_text);
}

/* }}} */
/* Conditions {{{ */

static void
on_condition_toggled_cb (GtkCheckButton       *check,
                         DeskObligationDialog *self)
{
  if (!gtk_check_button_get_active (check))
    return;

  g_free (self->condition);
  self->condition = g_strdup (g_object_get_data (G_OBJECT (check), "desk-condition"));
  update_actions (self);
}

/* Lists the conditions of the rule chosen, none chosen yet: the person must say which applies. */
static void
show_conditions (DeskObligationDialog *self)
{
  GPtrArray *conditions = self->rule ? desk_deadline_rule_get_conditions (self->rule) : NULL;
  GtkCheckButton *group = NULL;
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->condition_list, 0)) != NULL)
    gtk_list_box_remove (self->condition_list, GTK_WIDGET (row));
  g_clear_pointer (&self->condition, g_free);

  for (guint i = 0; conditions != NULL && i < conditions->len; i++)
    {
      const DeskRuleCondition *condition = g_ptr_array_index (conditions, i);
      GtkWidget *action_row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (action_row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row), condition->label);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (action_row), 0);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      /* libadwaita 1.2 does not name a row's check button by the row's title. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, condition->label,
                                      -1);
      gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      group = GTK_CHECK_BUTTON (check);
      g_object_set_data_full (G_OBJECT (check), "desk-condition", g_strdup (condition->name),
                              g_free);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_condition_toggled_cb), self, 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (action_row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (action_row), check);
      gtk_list_box_append (self->condition_list, action_row);
    }

  gtk_widget_set_visible (self->condition_group, conditions != NULL && conditions->len > 0);
}

/* }}} */
/* Rules {{{ */

static void
on_rule_toggled_cb (GtkCheckButton       *check,
                    DeskObligationDialog *self)
{
  if (!gtk_check_button_get_active (check))
    return;

  self->rule = g_object_get_data (G_OBJECT (check), "desk-rule");
  show_conditions (self);
  update_actions (self);
}

static GtkWidget *
create_rule_row (DeskObligationDialog *self,
                 DeskDeadlineRule     *rule,
                 GtkCheckButton       *group)
{
  gboolean applied = g_strv_contains ((const char * const *) self->applied,
                                      desk_deadline_rule_get_id (rule));
  g_autofree char *stages = describe_rule (rule);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), desk_deadline_rule_get_name (rule));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), stages);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_set_tooltip_text (row, desk_deadline_rule_get_law (rule));

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  desk_deadline_rule_get_name (rule),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, stages,
                                  -1);
  gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
  g_object_set_data (G_OBJECT (check), "desk-rule", rule);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_rule_toggled_cb), self, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  if (desk_deadline_rule_get_uncertain (rule))
    {
      /* Translators: a tag on a rule whose periods are to be checked against its source */
      GtkWidget *tag = gtk_label_new (_("To verify"));

      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (tag, "tag");
      gtk_widget_set_tooltip_text (tag, desk_deadline_rule_get_note (rule));
      gtk_accessible_update_property (GTK_ACCESSIBLE (tag),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      desk_deadline_rule_get_note (rule),
                                      -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
    }

  if (applied)
    {
      /* Translators: beside a rule the incident has already */
      GtkWidget *label = gtk_label_new (_("Added"));

      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      gtk_widget_set_sensitive (row, FALSE);
    }

  g_object_set_data (G_OBJECT (row), "desk-rule", rule);
  g_object_set_data (G_OBJECT (row), "desk-check", check);
  return row;
}

static void
fill_rules (DeskObligationDialog *self)
{
  GPtrArray *rules = desk_rulebook_get_rules (desk_store_get_rulebook (self->store));
  GtkCheckButton *group = NULL;

  for (guint i = 0; i < rules->len; i++)
    {
      GtkWidget *row = create_rule_row (self, g_ptr_array_index (rules, i), group);

      group = g_object_get_data (G_OBJECT (row), "desk-check");
      gtk_list_box_append (self->rule_list, row);
    }
}

/* }}} */
/* Adding {{{ */

static void
on_added_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(DeskObligationDialog) self = user_data;
  g_autoptr(GPtrArray) obligations = NULL;
  g_autoptr(GError) error = NULL;

  self->adding = FALSE;
  obligations = desk_store_add_obligations_finish (DESK_STORE (object), result, &error);
  if (obligations == NULL)
    {
      show_toast (self, error->message);
      update_actions (self);
      return;
    }

  desk_dialog_close_saved (GTK_WINDOW (self), signals[ADDED]);
}

/* Returns: whether the clock row holds a time, or nothing; a text that is not a time says so */
static gboolean
apply_clock (DeskObligationDialog *self)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *text = NULL;

  /* What was typed without Enter counts too. */
  g_signal_emit_by_name (self->clock_row, "apply");

  zone = desk_time_zone_for (desk_record_get_string (DESK_RECORD (self->incident), "time-zone"));
  shown = desk_date_time_row_format (desk_date_time_row_get_time (self->clock_row), zone);
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->clock_row))));

  return *text == '\0' || g_str_equal (text, shown);
}

static void
desk_obligation_dialog_add_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  DeskObligationDialog *self = DESK_OBLIGATION_DIALOG (widget);

  if (self->rule == NULL || self->adding || !apply_clock (self))
    return;

  self->adding = TRUE;
  update_actions (self);

  /* No cancellable: once asked for, the obligations are made even if the dialog goes. */
  desk_store_add_obligations_async (self->store, self->incident,
                                    desk_deadline_rule_get_id (self->rule), self->condition,
                                    desk_date_time_row_get_time (self->clock_row), NULL,
                                    on_added_cb, g_object_ref (self));
}

/* }}} */
/* Callbacks {{{ */

static void
on_search_changed_cb (DeskObligationDialog *self)
{
  _desk_obligation_dialog_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* }}} */
/* GObject {{{ */

static gboolean
desk_obligation_dialog_close_request (GtkWindow *window)
{
  return desk_dialog_close_request (window, DESK_OBLIGATION_DIALOG (window)->adding);
}

static void
desk_obligation_dialog_dispose (GObject *object)
{
  DeskObligationDialog *self = DESK_OBLIGATION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_OBLIGATION_DIALOG);

  g_clear_object (&self->store);
  g_clear_object (&self->incident);

  G_OBJECT_CLASS (desk_obligation_dialog_parent_class)->dispose (object);
}

static void
desk_obligation_dialog_finalize (GObject *object)
{
  DeskObligationDialog *self = DESK_OBLIGATION_DIALOG (object);

  g_strfreev (self->applied);
  g_free (self->search_text);
  g_free (self->condition);

  G_OBJECT_CLASS (desk_obligation_dialog_parent_class)->finalize (object);
}

static void
desk_obligation_dialog_class_init (DeskObligationDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = desk_obligation_dialog_dispose;
  object_class->finalize = desk_obligation_dialog_finalize;
  window_class->close_request = desk_obligation_dialog_close_request;

  /**
   * DeskObligationDialog::added:
   *
   * The rule's obligations are stored; the dialog closes.
   */
  signals[ADDED] = g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (DESK_TYPE_DATE_TIME_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/desk-obligation-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskObligationDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DeskObligationDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, DeskObligationDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskObligationDialog, rule_list);
  gtk_widget_class_bind_template_child (widget_class, DeskObligationDialog, condition_group);
  gtk_widget_class_bind_template_child (widget_class, DeskObligationDialog, condition_list);
  gtk_widget_class_bind_template_child (widget_class, DeskObligationDialog, clock_row);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);

  gtk_widget_class_install_action (widget_class, "obligation.add", NULL,
                                   desk_obligation_dialog_add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
desk_obligation_dialog_init (DeskObligationDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  desk_a11y_name_mnemonic_buttons (GTK_WIDGET (self));

  gtk_list_box_set_filter_func (self->rule_list, filter_rule, self, NULL);
}

/* }}} */
/* Public API {{{ */

/**
 * desk_obligation_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @incident: a stored incident
 * @applied_rules: (nullable): the ids of the rules the incident has already
 *
 * Returns: (transfer floating): a new dialog, not shown yet
 */
GtkWidget *
desk_obligation_dialog_new (GtkWindow          *parent,
                            DeskStore          *store,
                            DeskIncident       *incident,
                            const char * const *applied_rules)
{
  DeskObligationDialog *self;
  g_autoptr(GTimeZone) zone = NULL;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (DESK_IS_INCIDENT (incident), NULL);

  self = g_object_new (DESK_TYPE_OBLIGATION_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->incident = g_object_ref (incident);
  self->applied = g_strdupv ((char **) applied_rules);

  adw_window_title_set_subtitle (self->window_title,
                                 desk_record_get_string (DESK_RECORD (incident), "title"));
  zone = desk_time_zone_for (desk_record_get_string (DESK_RECORD (incident), "time-zone"));
  desk_date_time_row_set_time_zone (self->clock_row, zone);

  fill_rules (self);
  update_actions (self);

  return GTK_WIDGET (self);
}

/* Chooses the rule @rule_id, as a click on its row would. Returns: whether it is listed */
gboolean
_desk_obligation_dialog_select_rule (DeskObligationDialog *self,
                                     const char           *rule_id)
{
  GtkWidget *row = _desk_obligation_dialog_get_rule_row (self, rule_id);

  if (row == NULL || !gtk_widget_is_sensitive (row))
    return FALSE;

  gtk_check_button_set_active (g_object_get_data (G_OBJECT (row), "desk-check"), TRUE);
  return TRUE;
}

/* Chooses the condition @name of the rule chosen. Returns: whether it is listed */
gboolean
_desk_obligation_dialog_select_condition (DeskObligationDialog *self,
                                          const char           *name)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->condition_list, i)) != NULL; i++)
    {
      GtkWidget *check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));

      if (g_strcmp0 (g_object_get_data (G_OBJECT (check), "desk-condition"), name) == 0)
        {
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
          return TRUE;
        }
    }

  return FALSE;
}

/* Narrows the rules to those whose name, law or id holds @text. */
void
_desk_obligation_dialog_search (DeskObligationDialog *self,
                                const char           *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  g_free (self->search_text);
  self->search_text = *stripped != '\0' ? g_utf8_casefold (stripped, -1) : NULL;
  gtk_list_box_invalidate_filter (self->rule_list);
}

/* Returns: how many rules the search leaves */
guint
_desk_obligation_dialog_count_shown (DeskObligationDialog *self)
{
  GtkListBoxRow *row;
  guint n = 0;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->rule_list, i)) != NULL; i++)
    n += filter_rule (row, self);

  return n;
}

/* Returns: (transfer none) (nullable): the row of the rule @rule_id */
GtkWidget *
_desk_obligation_dialog_get_rule_row (DeskObligationDialog *self,
                                      const char           *rule_id)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->rule_list, i)) != NULL; i++)
    {
      DeskDeadlineRule *rule = g_object_get_data (G_OBJECT (row), "desk-rule");

      if (g_str_equal (desk_deadline_rule_get_id (rule), rule_id))
        return GTK_WIDGET (row);
    }

  return NULL;
}

/* }}} */
