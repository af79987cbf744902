package org.rnnlab.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

/** Who made the exercises and the notebook, under which licence, and the papers the pages rely on. */
@Route("about")
@Menu(order = 6, title = "About and references", icon = "vaadin:info-circle")
@PageTitle("About · RNN Lab")
public class AboutView extends Div {
    public AboutView() {
        addClassName("about");
        add(new H1("About RNN Lab"));
        add(new H2("Credits"));
        Paragraph credits = new Paragraph("The three exercises are Larry Abbott's, from the MIT computational neuroscience tutorial "
                + "series organised by Emily Mackevicius. RNN Lab follows the notebook written by Alex Williams with their "
                + "solutions, which is licensed under the ");
        credits.add(new Anchor("https://creativecommons.org/licenses/by-sa/4.0/", "Creative Commons Attribution-ShareAlike 4.0 "
                + "International License"));
        credits.add(". The guided pages adapt its text and figures; where RNN Lab departs from the notebook, the step says so.");
        credits.setId("credits");
        add(credits);
        add(new H2("References"));
        add(new Paragraph("Each guided step links the papers it cites; here they are all."));
        OrderedList list = new OrderedList();
        list.setId("references");
        for (Reference r : Reference.values()) {
            ListItem item = new ListItem(r.full() + " ");
            item.add(new Anchor(r.url(), r.url()));
            list.add(item);
        }
        add(list);
    }
}
