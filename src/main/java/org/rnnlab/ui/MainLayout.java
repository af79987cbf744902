package org.rnnlab.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.theme.lumo.Lumo;
import org.rnnlab.ui.exercise.ChaosView;
import org.rnnlab.ui.exercise.DrivenView;
import org.rnnlab.ui.exercise.ForceView;
import org.rnnlab.ui.exercise.PlaygroundView;

/** The frame of every page: title, navigation, light/dark switch. */
public class MainLayout extends AppLayout {
    public MainLayout() {
        Span title = new Span("RNN Lab");
        title.addClassName("app-title");
        Button theme = new Button(VaadinIcon.ADJUST.create(), e -> toggleTheme());
        theme.setId("theme-toggle");
        theme.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        theme.setAriaLabel("Switch between light and dark theme");
        theme.setTooltipText("Light / dark");
        addToNavbar(new DrawerToggle(), title, theme);

        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Home", HomeView.class, VaadinIcon.HOME.create()));
        nav.addItem(new SideNavItem("1 · Transition to chaos", ChaosView.class, VaadinIcon.CHART_LINE.create()));
        nav.addItem(new SideNavItem("2 · Driven network", DrivenView.class, VaadinIcon.SIGNAL.create()));
        nav.addItem(new SideNavItem("3 · FORCE learning", ForceView.class, VaadinIcon.ACADEMY_CAP.create()));
        nav.addItem(new SideNavItem("Playground", PlaygroundView.class, VaadinIcon.SLIDERS.create()));
        nav.addItem(new SideNavItem("For instructors", InstructorView.class, VaadinIcon.USER_STAR.create()));
        nav.addItem(new SideNavItem("About and references", AboutView.class, VaadinIcon.INFO_CIRCLE.create()));
        addToDrawer(nav);
        setPrimarySection(Section.DRAWER);
    }

    private void toggleTheme() {
        UI ui = UI.getCurrent();
        var themes = ui.getElement().getThemeList();
        if (themes.contains(Lumo.DARK)) themes.remove(Lumo.DARK);
        else themes.add(Lumo.DARK);
        // Charts draw on a canvas: they re-read the theme's colours.
        ui.getPage().executeJs("document.querySelectorAll('rnn-chart, rnn-heatmap').forEach(c => c.refreshTheme())");
    }
}
