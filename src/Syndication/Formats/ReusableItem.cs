using System.ServiceModel.Syndication;

namespace Syndication.Formats;

/// <summary>
/// One <see cref="SyndicationItem"/>, with its links and categories, filled again for each entry as a formatter
/// reaches it.
/// </summary>
/// <remarks>
/// The formatters write an item whole before they ask for the next, so one item can stand for every entry in turn.
/// A new item per entry cost about a kilobyte of short-lived objects each (the item, its collections, its links and
/// categories, and the empty extension collections the formatter gives each link and category).
/// </remarks>
internal sealed class ReusableItem
{
    private readonly List<SyndicationLink> _links = [];
    private readonly List<SyndicationCategory> _categories = [];
    private int _linksUsed;
    private int _categoriesUsed;

    /// <summary>The item, emptied of the previous entry's authors, links, categories and extensions.</summary>
    public SyndicationItem Next()
    {
        Item.Authors.Clear();
        Item.Links.Clear();
        Item.Categories.Clear();
        Item.ElementExtensions.Clear();
        _linksUsed = 0;
        _categoriesUsed = 0;
        return Item;
    }

    /// <summary>The item being filled.</summary>
    public SyndicationItem Item { get; } = new();

    /// <summary>Adds a link to the item.</summary>
    public void AddLink(Uri href, string relation, string? title, string? mediaType)
    {
        if (_linksUsed == _links.Count)
        {
            _links.Add(new SyndicationLink());
        }

        var link = _links[_linksUsed++];
        link.Uri = href;
        link.RelationshipType = relation;
        link.Title = title;
        link.MediaType = mediaType;
        Item.Links.Add(link);
    }

    /// <summary>Adds a category to the item.</summary>
    public void AddCategory(string name)
    {
        if (_categoriesUsed == _categories.Count)
        {
            _categories.Add(new SyndicationCategory());
        }

        var category = _categories[_categoriesUsed++];
        category.Name = name;
        Item.Categories.Add(category);
    }
}
