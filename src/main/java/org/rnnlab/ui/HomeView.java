package org.rnnlab.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import org.rnnlab.ui.exercise.ChaosView;
import org.rnnlab.ui.exercise.DrivenView;
import org.rnnlab.ui.exercise.ForceView;
import org.rnnlab.ui.exercise.PlaygroundView;

@Route("")
@Menu(order = 0, title = "Home", icon = "vaadin:home")
@PageTitle("RNN Lab")
public class HomeView extends Div {
    public HomeView() {
        addClassName("home");
        add(new H1("RNN Lab"));
        add(new Paragraph("A random recurrent network of a thousand rate neurons can sit quietly, or fall into chaos. "
                + "Input can tame it, and a simple learning rule can teach it to produce a rhythm of its own. "
                + "Three guided exercises (after Larry Abbott's, with the MIT computational neuroscience tutorial) let you "
                + "watch each of these happen, live, and change every parameter."));
        Div cards = new Div();
        cards.addClassName("cards");
        cards.add(card("1 · Transition to chaos", "Raise the coupling strength g past 1 and watch quiet activity turn chaotic.", ChaosView.class));
        cards.add(card("2 · A driven network", "Drive the chaotic network with a sine wave: strong enough input suppresses chaos.", DrivenView.class));
        cards.add(card("3 · FORCE learning", "Train a readout, fed back into the network, to produce a target rhythm on its own.", ForceView.class));
        cards.add(card("Playground", "Every parameter of every exercise, free.", PlaygroundView.class));
        add(cards);
        add(new Paragraph("Every run is computed on the server from a seed: the same parameters give the same numbers, for "
                + "everyone, every time."));
    }

    private static Div card(String title, String text, Class<? extends com.vaadin.flow.component.Component> view) {
        Div card = new Div();
        card.addClassName("card");
        RouterLink link = new RouterLink(view);
        link.add(new H2(title), new Paragraph(text));
        card.add(link);
        return card;
    }
}
