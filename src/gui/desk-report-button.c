/* desk-report-button.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskReportButton is a page's Export button for its report (the status report, the ledger,
 * the checklists): it starts the window's win.export-report, and its arrow win.print-report
 * and win.copy-report, for the whole report of its "what". Where a bar has no room for words,
 * "icon-only" leaves the icon, and the tooltip and the names for screen readers say the rest. */

#define G_LOG_DOMAIN "desk-report-button"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "desk-a11y.h"
#include "desk-export-enum-types.h"
#include "desk-export-flow.h"
#include "desk-report-button.h"

struct _DeskReportButton
{
  GtkWidget       parent_instance;

  /* Template widgets */
  AdwSplitButton *button;
  GMenu          *menu;

  DeskExportWhat  what;
  gboolean        icon_only;
};

G_DEFINE_FINAL_TYPE (DeskReportButton, desk_report_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_WHAT,
  PROP_ICON_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
append_item (GMenu      *menu,
             const char *label,
             const char *action,
             const char *accel,
             GVariant   *target)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, target);
  if (accel != NULL)
    g_menu_item_set_attribute (item, "accel", "s", accel);
  g_menu_append_item (menu, item);
}

/* GObject {{{ */

static void
desk_report_button_constructed (GObject *object)
{
  DeskReportButton *self = DESK_REPORT_BUTTON (object);
  g_autoptr(GEnumClass) whats = g_type_class_ref (DESK_TYPE_EXPORT_WHAT);
  g_autoptr(GVariant) target = NULL;

  G_OBJECT_CLASS (desk_report_button_parent_class)->constructed (object);

  /* (what, "") is the whole report; a checklist's own menu names one checklist instead. */
  target = g_variant_ref_sink (g_variant_new ("(ss)",
                                              g_enum_get_value (whats, self->what)->value_nick,
                                              ""));
  /* The target first: the action takes one, and would be looked at without it. */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->button), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->button), "win.export-report");
  /* Ctrl+P prints the report of the page shown, which is this one. */
  append_item (self->menu, _("_Print…"), "win.print-report", "<Primary>p", target);
  append_item (self->menu, _("_Copy as Markdown"), "win.copy-report", NULL, target);

  if (self->icon_only)
    adw_split_button_set_icon_name (self->button, "document-save-as-symbolic");
  desk_a11y_name_split_button (self->button, desk_export_flow_get_export_label (self->what),
                               adw_split_button_get_dropdown_tooltip (self->button));
}

static void
desk_report_button_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DESK_TYPE_REPORT_BUTTON);

  G_OBJECT_CLASS (desk_report_button_parent_class)->dispose (object);
}

static void
desk_report_button_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DeskReportButton *self = DESK_REPORT_BUTTON (object);

  switch (prop_id)
    {
    case PROP_WHAT:
      g_value_set_enum (value, self->what);
      break;

    case PROP_ICON_ONLY:
      g_value_set_boolean (value, self->icon_only);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_report_button_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DeskReportButton *self = DESK_REPORT_BUTTON (object);

  switch (prop_id)
    {
    case PROP_WHAT:
      self->what = g_value_get_enum (value);
      break;

    case PROP_ICON_ONLY:
      self->icon_only = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_report_button_class_init (DeskReportButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = desk_report_button_constructed;
  object_class->dispose = desk_report_button_dispose;
  object_class->get_property = desk_report_button_get_property;
  object_class->set_property = desk_report_button_set_property;

  /**
   * DeskReportButton:what:
   *
   * The report the button exports, prints and copies.
   */
  properties[PROP_WHAT] =
    g_param_spec_enum ("what", NULL, NULL,
                       DESK_TYPE_EXPORT_WHAT, DESK_EXPORT_WHAT_STATUS,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * DeskReportButton:icon-only:
   *
   * Whether the button shows its icon without the word "Export", for a narrow bar.
   */
  properties[PROP_ICON_ONLY] =
    g_param_spec_boolean ("icon-only", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/desk-report-button.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskReportButton, button);
  gtk_widget_class_bind_template_child (widget_class, DeskReportButton, menu);
}

static void
desk_report_button_init (DeskReportButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* }}} */
