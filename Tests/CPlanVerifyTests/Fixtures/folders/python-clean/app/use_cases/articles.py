from app.data_access.articles import ArticleStore
from app.entities.article import Article


async def get(slug: str) -> Article | None:
    return await ArticleStore().by_slug(slug)
