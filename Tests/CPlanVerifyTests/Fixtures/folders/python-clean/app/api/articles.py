from fastapi import APIRouter, HTTPException

from ..use_cases import articles as use_cases

router = APIRouter()


@router.get("/articles/{slug}")
async def get_article(slug: str):
    article = await use_cases.get(slug)
    if article is None:
        raise HTTPException(status_code=404)
    return {"article": article}
