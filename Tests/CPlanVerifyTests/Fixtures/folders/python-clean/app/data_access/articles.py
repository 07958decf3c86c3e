from sqlalchemy import select

from app.database import Session
from app.entities.article import Article


class ArticleStore:
    async def by_slug(self, slug: str) -> Article | None:
        async with Session() as session:
            return (await session.scalars(select(Article).where(Article.slug == slug))).first()
